// fix: Add rate limiter
import { Router } from 'express';
import { authController } from '../controllers/auth';
import rateLimit from 'express-rate-limit';

export const router = Router();

const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

router.post(
  '/forgot-password',
  authLimiter,
  authController.forgotPassword,
);
