const { Pool } = require('pg');
const pool = new Pool();

function userByEmailSql(email) {
  return `SELECT * FROM users WHERE email = '${email}'`; // expect: sql-injection:10
}

async function login(req, res) {
  const { rows } = await pool.query(userByEmailSql(req.body.email));
  res.json(rows[0]);
}

async function filtered(req, res) {
  const where = `WHERE status = '${req.query.status}'`; // expect: sql-injection:17
  const { rows } = await pool.query(`SELECT * FROM tickets ${where} ORDER BY id`);
  res.json(rows);
}

module.exports = { login, filtered };
