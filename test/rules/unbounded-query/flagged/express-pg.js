const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const router = express.Router();

router.get('/users', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users ORDER BY created_at DESC'); // expect: unbounded-query:26
  res.json(rows);
});

router.get('/orders', async (req, res) => {
  const { rows } = await pool.query( // expect: unbounded-query:26
    `SELECT o.id, o.total, c.name
      FROM orders o
      JOIN customers c ON c.id = o.customer_id`,
  );
  res.json(rows);
});

async function exportEvents() {
  return (await pool.query('SELECT id, type, payload FROM events')).rows; // expect: unbounded-query:17
}

module.exports = { router, exportEvents };
