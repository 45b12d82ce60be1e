// expect: none
import type { Request, Response } from 'express';

// A method named eval on something else, and timers given functions.
export function score(req: Request, res: Response, engine: { eval(expr: string): number }) {
  res.json({ score: engine.eval(req.body.expr) });
}

export function debounce(req: Request, res: Response) {
  const delay = Number(req.query.delay);
  setTimeout(() => res.end(), delay);
}

export function render(req: Request, res: Response) {
  const data = JSON.stringify(req.body);
  const run = new Function(`return ${data};`);
  res.json(run());
}
