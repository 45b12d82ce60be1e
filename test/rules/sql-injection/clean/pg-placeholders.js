// expect: none
const express = require('express');
const { Pool } = require('pg');
const format = require('pg-format');

const pool = new Pool();
const app = express();

const TABLE = 'users';
const SORTABLE = { name: 'name', created: 'created_at' };
const PAGE_SIZE = 50;

app.post('/login', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [req.body.email]);
  res.json(rows[0]);
});

app.get('/users', async (req, res) => {
  const column = SORTABLE[req.query.sort] ?? 'created_at';
  const direction = req.query.dir === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await pool.query(`SELECT * FROM ${TABLE} ORDER BY ${column} ${direction} LIMIT ${PAGE_SIZE}`);
  res.json(rows);
});

app.get('/page', async (req, res) => {
  const page = Number(req.query.page) || 1;
  const limit = parseInt(req.query.limit, 10);
  const { rows } = await pool.query(`SELECT * FROM posts WHERE author = $1 LIMIT ${limit} OFFSET ${(page - 1) * limit}`, [req.query.author]);
  res.json(rows);
});

app.post('/bulk', async (req, res) => {
  const ids = req.body.ids;
  const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
  const { rows } = await pool.query(`SELECT * FROM items WHERE id IN (${placeholders})`, ids);
  const escaped = await pool.query(format('SELECT * FROM %I WHERE owner = %L', req.query.table, req.query.owner));
  res.json({ rows, escaped: escaped.rows });
});

async function countRows(client, table) {
  // Identifiers from our own code: table names are not values.
  const { rows } = await client.query(`SELECT count(*) FROM ${client.escapeIdentifier(table)}`);
  return rows[0].count;
}

async function truncateAll(tables) {
  for (const table of tables) await pool.query(`TRUNCATE TABLE ${table} CASCADE`);
}

module.exports = { app, countRows, truncateAll };
