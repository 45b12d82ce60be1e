// fix: Run with execFileSync and an argument array
import { execSync, execFileSync } from 'node:child_process';
import type { Request, Response } from 'express';

export function thumbnail(req: Request, res: Response) {
  const { file } = req.params;
  execFileSync('convert', [`uploads/${file}`, '-resize', '200x200', `thumbs/${file}.png`]);
  res.sendStatus(201);
}
