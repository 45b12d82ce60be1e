// fix: Parameterize query
import knex from 'knex';

const db = knex({ client: 'mysql2' });

export function posts(author: string, since: string) {
  return db('posts').whereRaw(`author = ? AND created_at > ?`, [author, since]);
}

export function count(status: string) {
  return db.raw(`SELECT count(*) FROM posts WHERE status = ?`, [status]);
}
