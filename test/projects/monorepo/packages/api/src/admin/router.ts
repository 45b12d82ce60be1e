import { Router } from 'express';

const router = Router();

router.post('/login', (req, res) => { // expect: missing-rate-limit:8
  res.json({ admin: req.body.email });
});

export default router;
