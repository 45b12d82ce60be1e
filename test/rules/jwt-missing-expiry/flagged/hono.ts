import { Hono } from 'hono';
import { sign } from 'hono/jwt';

const app = new Hono<{ Bindings: { JWT_SECRET: string } }>();

app.post('/login', async (c) => {
  const { id } = await c.req.json();
  const token = await sign({ sub: id, role: 'user' }, c.env.JWT_SECRET); // expect: jwt-missing-expiry:23
  return c.json({ token });
});

export default app;
