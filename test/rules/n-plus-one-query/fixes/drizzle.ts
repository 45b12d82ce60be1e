// fix: Batch these queries
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function postAuthors(list: { authorId: number }[]) {
  const out = [];
  for (const post of list) {
    const [author] = await db.select().from(users).where(eq(users.id, post.authorId));
    out.push(author);
  }
  return out;
}
