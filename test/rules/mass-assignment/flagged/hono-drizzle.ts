import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { users } from './schema';

const app = new Hono();

app.post('/users', async (c) => {
  const body = await c.req.json();
  const [user] = await db.insert(users).values(body).returning(); // expect: mass-assignment:48
  return c.json(user, 201);
});

app.patch('/users/:id', async (c) => {
  await db.update(users).set(await c.req.json()).where(eq(users.id, c.req.param('id'))); // expect: mass-assignment:30
  return c.body(null, 204);
});

export default app;
