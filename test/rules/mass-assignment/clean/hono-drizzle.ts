// expect: none
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { db } from './db';
import { users } from './schema';

const app = new Hono();
const newUser = z.object({ name: z.string(), email: z.string().email() });

app.post('/users', zValidator('json', newUser), async (c) => {
  const [user] = await db.insert(users).values(c.req.valid('json')).returning();
  return c.json(user, 201);
});

app.post('/invites', async (c) => {
  const { email } = await c.req.json();
  await db.insert(users).values({ email, invited: true });
  return c.body(null, 204);
});

export default app;
