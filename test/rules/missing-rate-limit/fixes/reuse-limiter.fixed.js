// fix: Add rate limiter
import express from 'express';
import { rateLimit } from 'express-rate-limit';

const app = express();
const authLimiter = rateLimit({ windowMs: 60 * 1000, limit: 10 });

app.use('/api', authLimiter);
app.post('/auth/signin', authLimiter, async (req, res) => res.json(await signIn(req.body)));
