// expect: none
import { createHash, randomBytes } from 'node:crypto';
import { Request, Response } from 'express';
import { prisma } from './prisma';

export async function createApiKey(req: Request, res: Response) {
  const token = randomBytes(32).toString('hex');
  const tokenHash = createHash('sha256').update(token).digest('hex');
  await prisma.apiKey.create({ data: { userId: req.body.userId, tokenHash } });
  res.json({ token });
}

export async function authenticate(req: Request, res: Response) {
  const apiKey = req.headers['x-api-key'] as string;
  const key = await prisma.apiKey.findUnique({ where: { tokenHash: createHash('sha256').update(apiKey).digest('hex') } });
  if (!key) return res.sendStatus(401);
  res.json({ userId: key.userId });
}

export function contentHash(body: Buffer) {
  return createHash('sha512').update(body).digest('base64');
}
