// expect: none
import express from 'express';
import rateLimit from 'express-rate-limit';
import authRouter from '@acme/http/auth';
import adminRouter from '@/admin/router';

const app = express();
app.use('/auth', rateLimit({ windowMs: 60_000, limit: 10 }));
app.use('/auth', authRouter);
app.use('/admin', adminRouter);

export default app;
