// fix: Return early with guard clauses
import type { Request, Response } from 'express';
import { db } from './db';

export async function updateProfile(req: Request, res: Response): Promise<void> {
  const session = req.session;
  if (!session) return;
  if (!session.userId) return;
  const user = await db.user.findUnique({ where: { id: session.userId } });
  if (!user) return;
  if (user.locked) return;
  if (req.body.displayName === undefined) return;
  await db.user.update({ where: { id: user.id }, data: { displayName: req.body.displayName } });
  res.json({ ok: true });
}
