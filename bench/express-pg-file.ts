/**
 * A realistic Express + pg service file of about the size asked for: the kind of file an assistant writes and
 * Vigil reviews on every keystroke. Handlers vary (lists with paging, creates with validation, updates in a
 * transaction, logins with bcrypt and JWT, uploads, reports) so the parser and the rules see varied shapes, not
 * one block pasted many times.
 */

const resources = ['user', 'order', 'invoice', 'product', 'review', 'ticket', 'project', 'comment', 'payment', 'team'];

type Block = (name: string, index: number) => string;

const list: Block = (name, i) => `
router.get('/${name}s', requireAuth, async (req: Request, res: Response) => {
  const page = Math.max(1, Number(req.query.page ?? 1));
  const pageSize = Math.min(100, Number(req.query.pageSize ?? 20));
  const sort${i} = req.query.sort === 'oldest' ? 'ASC' : 'DESC';
  try {
    const { rows } = await pool.query(
      \`SELECT id, owner_id, status, created_at FROM ${name}s WHERE owner_id = $1 ORDER BY created_at \${sort${i}} LIMIT $2 OFFSET $3\`,
      [req.user.id, pageSize, (page - 1) * pageSize],
    );
    const total = await pool.query('SELECT count(*) AS n FROM ${name}s WHERE owner_id = $1', [req.user.id]);
    res.json({ items: rows, page, pageSize, total: Number(total.rows[0].n) });
  } catch (err) {
    logger.error({ err }, 'listing ${name}s failed');
    res.status(500).json({ error: 'internal error' });
  }
});
`;

const create: Block = (name, i) => `
interface New${capital(name)}${i} {
  title: string;
  amountCents?: number;
  tags: string[];
}

function validate${capital(name)}${i}(body: unknown): New${capital(name)}${i} | string {
  if (typeof body !== 'object' || body === null) return 'body must be an object';
  const b = body as Record<string, unknown>;
  if (typeof b.title !== 'string' || b.title.trim() === '') return 'title is required';
  if (b.amountCents !== undefined && !Number.isInteger(b.amountCents)) return 'amountCents must be an integer';
  const tags = Array.isArray(b.tags) ? b.tags.filter((t): t is string => typeof t === 'string') : [];
  return { title: b.title.trim(), amountCents: b.amountCents as number | undefined, tags };
}

router.post('/${name}s', requireAuth, async (req: Request, res: Response) => {
  const input = validate${capital(name)}${i}(req.body);
  if (typeof input === 'string') return res.status(400).json({ error: input });
  const { rows } = await pool.query(
    'INSERT INTO ${name}s (owner_id, title, amount_cents, tags) VALUES ($1, $2, $3, $4) RETURNING *',
    [req.user.id, input.title, input.amountCents ?? 0, input.tags],
  );
  res.status(201).json(rows[0]);
});
`;

const update: Block = (name, i) => `
router.put('/${name}s/:id', requireAuth, async (req: Request, res: Response) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const existing = await client.query('SELECT * FROM ${name}s WHERE id = $1 FOR UPDATE', [req.params.id]);
    if (existing.rowCount === 0) {
      await client.query('ROLLBACK');
      return res.status(404).json({ error: '${name} not found' });
    }
    if (existing.rows[0].owner_id !== req.user.id) {
      await client.query('ROLLBACK');
      return res.status(403).json({ error: 'not yours' });
    }
    const changed${i} = await client.query(
      'UPDATE ${name}s SET title = COALESCE($2, title), status = COALESCE($3, status), updated_at = now() WHERE id = $1 RETURNING *',
      [req.params.id, req.body.title ?? null, req.body.status ?? null],
    );
    await client.query('INSERT INTO audit_log (actor_id, action, target) VALUES ($1, $2, $3)', [
      req.user.id,
      'update-${name}',
      req.params.id,
    ]);
    await client.query('COMMIT');
    res.json(changed${i}.rows[0]);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
});
`;

const login: Block = (name, i) => `
router.post('/${name}s/login', loginLimiter, async (req: Request, res: Response) => {
  const { email, password } = req.body;
  if (typeof email !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'email and password are required' });
  }
  const { rows } = await pool.query('SELECT id, password_hash, role FROM ${name}s WHERE email = $1', [email.toLowerCase()]);
  const account${i} = rows[0];
  const ok = account${i} ? await bcrypt.compare(password, account${i}.password_hash) : false;
  if (!ok) return res.status(401).json({ error: 'invalid credentials' });
  const token = jwt.sign({ sub: account${i}.id, role: account${i}.role }, process.env.JWT_SECRET as string, {
    expiresIn: '1h',
  });
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ ok: true });
});
`;

const report: Block = (name, i) => `
async function ${name}Report${i}(ownerId: string, from: Date, to: Date) {
  const { rows } = await pool.query(
    \`SELECT date_trunc('day', created_at) AS day, count(*) AS n, sum(amount_cents) AS cents
       FROM ${name}s WHERE owner_id = $1 AND created_at BETWEEN $2 AND $3
      GROUP BY 1 ORDER BY 1\`,
    [ownerId, from, to],
  );
  const byDay = new Map<string, { n: number; cents: number }>();
  for (const row of rows) {
    byDay.set(row.day.toISOString().slice(0, 10), { n: Number(row.n), cents: Number(row.cents ?? 0) });
  }
  return byDay;
}

router.get('/${name}s/report', requireAuth, async (req: Request, res: Response) => {
  const from = new Date(String(req.query.from ?? '1970-01-01'));
  const to = new Date(String(req.query.to ?? new Date().toISOString()));
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    return res.status(400).json({ error: 'from and to must be dates' });
  }
  const data = await ${name}Report${i}(req.user.id, from, to);
  res.json(Object.fromEntries(data));
});
`;

const remove: Block = (name, i) => `
router.delete('/${name}s/:id', requireAuth, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const result${i} = await pool.query('DELETE FROM ${name}s WHERE id = $1 AND owner_id = $2', [
      req.params.id,
      req.user.id,
    ]);
    if (result${i}.rowCount === 0) return res.status(404).end();
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});
`;

const blocks: readonly Block[] = [list, create, update, login, report, remove];

const header = `import express, { NextFunction, Request, Response } from 'express';
import rateLimit from 'express-rate-limit';
import { Pool } from 'pg';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import pino from 'pino';

const logger = pino();
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const router = express.Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 10 });

function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies?.session;
  if (!token) return res.status(401).json({ error: 'sign in first' });
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET as string) as { id: string; role: string };
    next();
  } catch {
    res.status(401).json({ error: 'session expired' });
  }
}
`;

const footer = `
export default router;
`;

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** At least `lines` lines, whole blocks only. */
export function expressPgFile(lines: number): string {
  let text = header;
  for (let i = 0; text.split('\n').length + footer.split('\n').length < lines; i++) {
    const name = resources[i % resources.length];
    text += blocks[i % blocks.length](name, i);
  }
  return text + footer;
}
