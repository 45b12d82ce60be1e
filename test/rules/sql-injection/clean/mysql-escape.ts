// expect: none
import mysql from 'mysql2/promise';
import SqlString from 'sqlstring';
import type { Request, Response } from 'express';

const pool = mysql.createPool({ host: 'localhost', user: 'app', database: 'shop' });

export async function getOrder(req: Request, res: Response) {
  const [rows] = await pool.execute('SELECT * FROM orders WHERE id = ? AND owner = ?', [req.params.id, req.user.id]);
  res.json(rows);
}

export async function search(req: Request, res: Response) {
  const [rows] = await pool.query(`SELECT * FROM products WHERE name LIKE ${pool.escape('%' + req.query.q + '%')}`);
  const [more] = await pool.query('SELECT * FROM products WHERE sku = ' + mysql.escape(req.query.sku));
  const [byTag] = await pool.query(`SELECT * FROM products WHERE tag = ${SqlString.escape(req.query.tag)}`);
  res.json({ rows, more, byTag });
}

export async function inList(ids: number[]) {
  const [rows] = await pool.query(`SELECT * FROM orders WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  return rows;
}

export async function recent(days: number) {
  const [rows] = await pool.query(`SELECT * FROM orders WHERE created_at > NOW() - INTERVAL ${days} DAY`);
  return rows;
}
