// fix: Rethrow after logging
import { Request, Response } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function cancelSubscription(req: Request, res: Response) {
  try {
    await prisma.subscription.update({ where: { id: req.params.id }, data: { canceledAt: new Date() } });
  } catch (error) {
    console.error('cancel failed');
    throw error;
  }
  res.json({ canceled: true });
}
