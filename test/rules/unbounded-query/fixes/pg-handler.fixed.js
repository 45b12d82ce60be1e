// fix: Add a limit
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const router = express.Router();

router.get('/users', async (req, res) => {
  const pageSize = Math.min(Number(req.query.limit) || 100, 100);
  const { rows } = await pool.query('SELECT * FROM users ORDER BY created_at DESC LIMIT $1', [pageSize]);
  res.json(rows);
});

module.exports = { router };
