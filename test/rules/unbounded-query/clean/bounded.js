// expect: none
const express = require('express');
const { Pool } = require('pg');
const { User, Role } = require('./models');

const pool = new Pool();
const router = express.Router();

// Filtered, limited by a parameter, aggregated, one row: none return the whole table.
router.get('/users', async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 50, 100);
  const { rows } = await pool.query('SELECT * FROM users ORDER BY created_at DESC LIMIT $1 OFFSET $2', [limit, Number(req.query.offset) || 0]);
  res.json(rows);
});

router.get('/users/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

router.get('/stats', async (req, res) => {
  const { rows } = await pool.query('SELECT count(*) AS users, sum(balance) AS total FROM users');
  const byStatus = await pool.query('SELECT status, count(*) FROM orders GROUP BY status');
  res.json({ ...rows[0], byStatus: byStatus.rows });
});

router.get('/active', async (req, res) => {
  res.json(await User.findAll({ where: { active: true }, limit: 100 }));
});

// Reference data: a short, fixed list read whole on purpose.
router.get('/roles', async (req, res) => {
  res.json(await Role.findAll());
  await pool.query('SELECT code, name FROM countries ORDER BY name');
});

router.get('/me', async (req, res) => {
  res.json(await User.findOne({ where: { id: req.user.id } }));
});

// Not an entry point: a private helper of this module, and a one-off at start-up.
async function warmCache() {
  return pool.query('SELECT * FROM products');
}

module.exports = { router };
