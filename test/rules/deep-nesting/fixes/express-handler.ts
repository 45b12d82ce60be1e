// fix: Return early with guard clauses
import type { Request, Response } from 'express';
import { db } from './db';

export async function updateProfile(req: Request, res: Response): Promise<void> {
  const session = req.session;
  if (session) {
    if (session.userId) {
      const user = await db.user.findUnique({ where: { id: session.userId } });
      if (user) {
        if (!user.locked) {
          if (req.body.displayName !== undefined) {
            await db.user.update({ where: { id: user.id }, data: { displayName: req.body.displayName } });
            res.json({ ok: true });
          }
        }
      }
    }
  }
}
