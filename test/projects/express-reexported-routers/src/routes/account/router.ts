// expect: none
import { Router } from 'express';

// Reached through two re-exports (routes/index.js, routes/account/index.ts), under the /api limiter.
const router = Router();
router.post('/reset-password', (req, res) => res.json({ email: req.body.email }));

export default router;
