const db = require('../db');

/** The account with this email address. */
async function findByEmail(email) {
  const { rows } = await db.query(`SELECT * FROM accounts WHERE email = '${email}'`); // expect: sql-injection:35
  return rows[0];
}

/** The account with this id. */
async function findById(id) {
  const { rows } = await db.query('SELECT * FROM accounts WHERE id = $1', [id]);
  return rows[0];
}

/** Accounts whose name contains `name`. */
function searchByName(name) {
  return db.query("SELECT id, name FROM accounts WHERE name LIKE '%" + name + "%'"); // expect: sql-injection:19
}

module.exports = { findByEmail, findById, searchByName };
