// fix: Parameterize query
const { Pool } = require('pg');
const pool = new Pool();

async function login(req, res) {
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = $1 AND password_hash = $2`, [req.body.email, req.body.hash]);
  res.json(rows[0]);
}

async function byId(req, res) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
}

async function merged(req, res) {
  const { rows } = await pool.query(`SELECT * FROM posts WHERE author = $1 AND status = $2`, [req.query.author, req.query.status]);
  res.json(rows);
}

module.exports = { login, byId, merged };
