// fix: Parameterize query
import { Pool } from 'pg';
import type { Request, Response } from 'express';

const pool = new Pool();

export async function search(req: Request, res: Response) {
  const term = req.query.q as string;
  const sql = `SELECT id, title FROM articles WHERE title ILIKE $1 AND published = true`;
  const { rows } = await pool.query(sql, [`%${term}%`]);
  res.json(rows);
}
