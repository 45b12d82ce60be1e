// expect: none
import { exec, execSync } from 'node:child_process';
import validator from 'validator';
import { quote } from 'shell-quote';
import type { Request, Response } from 'express';

const ACTIONS = ['start', 'stop', 'restart'];
const SCRIPTS: Record<string, string> = { daily: 'scripts/daily.sh', weekly: 'scripts/weekly.sh' };

export function service(req: Request, res: Response) {
  const { action } = req.params;
  if (!ACTIONS.includes(action)) return res.status(400).send('unknown action');
  exec(`systemctl ${action} app.service`, () => res.sendStatus(204));
}

export function report(req: Request, res: Response) {
  const script = SCRIPTS[req.query.kind as string];
  if (!script) return res.sendStatus(404);
  execSync(`bash ${script}`);
  res.sendStatus(202);
}

export function ping(req: Request, res: Response) {
  const host = req.query.host as string;
  if (!validator.isIP(host)) return res.status(400).end();
  exec(`ping -c 3 ${host}`, (e, out) => res.send(out));
}

export function tail(req: Request, res: Response) {
  const lines = parseInt(req.query.lines as string, 10) || 100;
  exec(`tail -n ${lines} /var/log/app.log`, (e, out) => res.send(out));
}

export function search(req: Request, res: Response) {
  exec(`grep -r ${quote([req.query.q as string])} docs/`, (e, out) => res.send(out));
}

export function pid(req: Request, res: Response) {
  const id = req.params.id;
  if (!/^\d+$/.test(id)) throw new Error('bad pid');
  execSync(`kill -HUP ${id}`);
  res.sendStatus(204);
}
