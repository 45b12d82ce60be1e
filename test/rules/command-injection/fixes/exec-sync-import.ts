// fix: Run with execFileSync and an argument array
import { execSync } from 'node:child_process';
import type { Request, Response } from 'express';

export function thumbnail(req: Request, res: Response) {
  const { file } = req.params;
  execSync('convert uploads/' + file + ' -resize 200x200 thumbs/' + file + '.png');
  res.sendStatus(201);
}
