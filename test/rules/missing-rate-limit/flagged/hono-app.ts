import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

const app = new Hono();
const auth = new Hono();

app.use('/api/uploads/*', rateLimiter({ windowMs: 60_000, limit: 10, keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '' }));

auth.post('/login', async (c) => { // expect: missing-rate-limit:6
  const { email, password } = await c.req.json();
  return c.json(await signIn(email, password));
});

auth.post('/2fa', async (c) => c.json(await verifyTotp(await c.req.json()))); // expect: missing-rate-limit:6

app.route('/auth', auth);

export default app;
