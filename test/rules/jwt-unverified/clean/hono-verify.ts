// expect: none
import { Hono } from 'hono';
import { decode, verify } from 'hono/jwt';

const app = new Hono();

app.use('/api/*', async (c, next) => {
  const token = c.req.header('Authorization')?.replace('Bearer ', '');
  const payload = await verify(token!, c.env.JWT_SECRET, 'HS256');
  c.set('user', payload);
  await next();
});

app.get('/debug/token', (c) => {
  const { header } = decode(c.req.query('t')!);
  return c.json({ alg: header.alg });
});

export default app;
