import { spawn, spawnSync } from 'node:child_process';
import shell from 'shelljs';
import { execa, execaCommand } from 'execa';
import type { Request, Response } from 'express';

export async function convert(req: Request, res: Response) {
  const { input, size } = req.body;
  const child = spawn(`convert ${input} -resize ${size} out.png`, { shell: true }); // expect: command-injection:23
  child.on('close', () => res.sendStatus(204));
}

export function grep(req: Request, res: Response) {
  const result = spawnSync('sh', ['-c', `grep -r ${req.query.pattern} /var/log/app`]); // expect: command-injection:41
  res.send(result.stdout);
}

export function backup(req: Request, res: Response) {
  const target = req.params.db;
  shell.exec(`pg_dump ${target} > /backups/${target}.sql`); // expect: command-injection:14
  res.sendStatus(202);
}

export async function thumbnail(req: Request, res: Response) {
  await execaCommand(`ffmpeg -i ${req.body.url} -frames:v 1 thumb.jpg`); // expect: command-injection:22
  await execa(`zip -r out.zip ${req.body.dir}`, { shell: true }); // expect: command-injection:15
  res.sendStatus(201);
}
