// fix: Add rate limiter
import { Router } from 'express';
import { authController } from '../controllers/auth';

export const router = Router();

router.post(
  '/forgot-password',
  authController.forgotPassword,
);
