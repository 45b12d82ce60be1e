import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { users, posts } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const conn = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function postAuthors(list: { authorId: number }[]) {
  const out = [];
  for (const post of list) {
    const [author] = await db.select().from(users).where(eq(users.id, post.authorId)); // expect: n-plus-one-query:28
    out.push(author);
  }
  return out;
}

export async function tagsOf(ids: number[]) {
  for (const id of ids) {
    const [rows] = await conn.execute('SELECT * FROM tags WHERE post_id = ?', [id]); // expect: n-plus-one-query:26
    console.log(rows);
  }
  const all = await db.select().from(posts);
  return all;
}
