import knex from 'knex';
import type { Request, Response } from 'express';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function list(req: Request, res: Response) {
  const rows = await db('posts')
    .whereRaw(`author_id = ${req.query.author}`) // expect: sql-injection:15
    .orderByRaw(`${req.query.sort} DESC`); // expect: sql-injection:17
  res.json(rows);
}

export async function stats(req: Request, res: Response) {
  const result = await db.raw(`SELECT count(*) FROM posts WHERE created_at > '${req.query.since}'`); // expect: sql-injection:31
  res.json(result.rows);
}
