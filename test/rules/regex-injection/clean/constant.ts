// expect: none
import { Hono } from 'hono';
import mongoose from 'mongoose';

const User = mongoose.model('User');
const EMAIL = new RegExp('^[^@\\s]+@[^@\\s]+$');
const app = new Hono();

app.get('/admins', async (c) => {
  return c.json(await User.find({ email: { $regex: '@example\\.com$' } }));
});

app.get('/valid', (c) => {
  const email = c.req.query('email') ?? '';
  return c.json({ valid: EMAIL.test(email) });
});

app.get('/configured', (c) => {
  const pattern = new RegExp(process.env.ALLOWED_PATTERN ?? '^$');
  return c.json({ ok: pattern.test(c.req.query('name') ?? '') });
});

app.get('/count', (c) => {
  const n = Number(c.req.query('n'));
  return c.json({ ok: new RegExp(`^a{${n}}$`).test('aaa') });
});

export default app;
