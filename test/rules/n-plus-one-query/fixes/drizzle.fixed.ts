// fix: Batch these queries
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, inArray } from 'drizzle-orm';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function postAuthors(list: { authorId: number }[]) {
  const out = [];
  const authorRows = await db.select().from(users).where(inArray(users.id, list.map((post) => post.authorId)));
  const authorById = new Map(authorRows.map((row) => [row.id, row] as const));
  for (const post of list) {
    const author = authorById.get(post.authorId);
    out.push(author);
  }
  return out;
}
