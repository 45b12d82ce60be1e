import { Router } from 'express';
import accounts from '../models/accounts';

const router = Router();

router.get('/', async (req, res) => {
  res.json(await accounts.findByEmail(req.query.email as string)); // expect: sql-injection:39
});

router.get('/me', async (req, res) => {
  res.json(await accounts.findById(req.query.id as string));
});

export default router;
