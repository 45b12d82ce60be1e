const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}' AND tenant = '${req.body.tenant}'`); // expect: sql-injection:37
  if (rows.length === 0) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ id: rows[0].id });
});

app.get('/users/:id', async (req, res) => {
  const client = await pool.connect();
  try {
    const result = await client.query('SELECT id, name FROM users WHERE id = ' + req.params.id); // expect: sql-injection:39
    res.json(result.rows[0]);
  } finally {
    client.release();
  }
});

app.get('/search', async (req, res) => {
  const { q, sort } = req.query;
  const sql = `SELECT * FROM products WHERE name ILIKE '%${q}%' ORDER BY price`; // expect: sql-injection:15
  const { rows } = await pool.query(sql);
  const sorted = await pool.query(`SELECT * FROM products ORDER BY ${sort}`); // expect: sql-injection:35
  res.json({ rows, sorted: sorted.rows });
});

app.delete('/sessions', async (req, res) => {
  let sql = 'DELETE FROM sessions WHERE 1 = 1';
  if (req.query.user) sql += ` AND user_id = ${req.query.user}`; // expect: sql-injection:30
  await pool.query(sql);
  res.sendStatus(204);
});

module.exports = app;
