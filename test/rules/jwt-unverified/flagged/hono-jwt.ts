import { Hono } from 'hono';
import { decode } from 'hono/jwt';

const app = new Hono();

app.use('/api/*', async (c, next) => {
  const token = c.req.header('Authorization')?.replace('Bearer ', '');
  const { payload } = decode(token!); // expect: jwt-unverified:23
  c.set('user', payload);
  await next();
});

export default app;
