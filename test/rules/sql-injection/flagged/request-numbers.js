const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

// Request data stays a finding in numeric positions too: `?limit=1;DROP TABLE users` is text.
app.get('/items', async (req, res) => {
  const { rows } = await pool.query(`SELECT id FROM items WHERE price > ${req.query.min} LIMIT ${req.query.limit}`); // expect: sql-injection:37
  res.json(rows);
});

module.exports = app;
