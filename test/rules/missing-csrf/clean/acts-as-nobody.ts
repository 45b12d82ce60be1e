// expect: none
// The only state-changing route reads no cookie, session or user: it does the same for any caller, so a request
// forged from another site gains nothing. The cookie is set by a GET that hands over a stored token.
import crypto from 'node:crypto';
import type { Express } from 'express';
import { db } from './db';

export function tokenTransfer(app: Express) {
  app.post('/tokenTransfer', async (req, res) => {
    const id = crypto.randomUUID();
    await db.set(`tokenTransfer:${id}`, { token: req.body.token, createdAt: Date.now() });
    res.send({ id });
  });

  app.get('/tokenTransfer/:id', async (req, res) => {
    const stored = await db.get(`tokenTransfer:${req.params.id}`);
    if (!stored) return res.status(404).send({ error: 'Token not found' });
    res.cookie('token', stored.token, { path: '/', maxAge: 1000 * 60 * 60 * 24 * 365 });
    res.send({ ok: true });
  });
}
