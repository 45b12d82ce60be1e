// expect: none
// Names that mirror data from outside stay as the data spells them.
const express = require('express');
const body_parser = require('body-parser');
const { Pool } = require('pg');

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
const pool = new Pool();
const router = express.Router();
router.use(body_parser.json());

router.post('/users', async (req, res) => {
  const { first_name, last_name, email_address } = req.body;
  const created_at = new Date();
  const result = await pool.query(
    'INSERT INTO users (first_name, last_name, email_address, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [first_name, last_name, email_address, created_at],
  );
  res.status(201).json({ id: result.rows[0].id, created_at });
});

router.get('/users', async (req, res) => {
  const pageSize = Math.min(Number(req.query.page_size) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const user_id = req.query.user_id;
  const rowsFound = await pool.query('SELECT * FROM users WHERE id = $1 LIMIT $2', [user_id, pageSize]);
  res.json(rowsFound.rows.map((row) => ({ id: row.id, firstName: row.first_name })));
});

function toApiUser(row) {
  const displayName = `${row.first_name} ${row.last_name}`;
  return { displayName, emailAddress: row.email_address };
}

module.exports = { router, toApiUser };
