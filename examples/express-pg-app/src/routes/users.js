const express = require('express');
const { pool } = require('../db');

const router = express.Router();
const SORTABLE = { name: 'name', created: 'created_at' };

// Search built by concatenation on an earlier line.
router.get('/search', async (req, res) => {
  const sql = "SELECT id, name FROM users WHERE name LIKE '%" + req.query.q + "%'"; // expect: sql-injection:15
  const { rows } = await pool.query(sql);
  res.json(rows);
});

// The look-alike: a placeholder, and the sort column picked from an allowlist.
router.get('/', async (req, res) => {
  const column = SORTABLE[req.query.sort] ?? 'name';
  const { rows } = await pool.query(`SELECT id, name FROM users WHERE org_id = $1 ORDER BY ${column}`, [req.user.orgId]);
  res.json(rows);
});

router.get('/:id', async (req, res) => {
  const { rows } = await pool.query(`SELECT id, name FROM users WHERE id = ${req.params.id}`); // expect: sql-injection:37
  res.json(rows[0]);
});

module.exports = router;
