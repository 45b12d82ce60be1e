import mysql from 'mysql2/promise';
import type { Request, Response } from 'express';

const pool = mysql.createPool({ host: 'localhost', user: 'app', database: 'shop' });

export async function getOrder(req: Request, res: Response) {
  const [rows] = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id} AND owner = '${req.user.id}'`); // expect: sql-injection:35
  res.json(rows);
}

export async function addTag(req: Request, res: Response) {
  const conn = await mysql.createConnection(process.env.DATABASE_URL!);
  await conn.execute("INSERT INTO tags (name, post_id) VALUES ('" + req.body.name + "', ?)", [req.body.postId]); // expect: sql-injection:22
  await conn.end();
  res.sendStatus(201);
}
