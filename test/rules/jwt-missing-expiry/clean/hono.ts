// expect: none
import { Hono } from 'hono';
import { sign } from 'hono/jwt';

const app = new Hono<{ Bindings: { JWT_SECRET: string } }>();

app.post('/login', async (c) => {
  const { id } = await c.req.json();
  const token = await sign({ sub: id, exp: Math.floor(Date.now() / 1000) + 60 * 5 }, c.env.JWT_SECRET);
  return c.json({ token });
});

export default app;
