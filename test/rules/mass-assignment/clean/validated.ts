// expect: none
import express from 'express';
import { z } from 'zod';
import Joi from 'joi';
import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import User from '../models/User';
import { validate } from '../middleware/validate';

const router = express.Router();
const accountInput = z.object({ name: z.string(), plan: z.enum(['free', 'pro']) });
const userSchema = Joi.object({ name: Joi.string(), email: Joi.string().email() });

export async function POST(request: NextRequest) {
  const data = accountInput.parse(await request.json());
  const account = await prisma.account.create({ data });
  return NextResponse.json(account);
}

router.post('/users', validate(userSchema), async (req, res) => {
  res.json(await User.create(req.body));
});

router.put('/users/:id', async (req, res) => {
  const { error } = userSchema.validate(req.body);
  if (error) return res.status(400).json(error);
  res.json(await User.findByIdAndUpdate(req.params.id, req.body));
});

export default router;
