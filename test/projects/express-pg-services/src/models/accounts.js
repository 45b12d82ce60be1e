// expect: none
const db = require('../db');

// One row per call: fine once, N+1 in a loop.
async function findByEmail(email) {
  const { rows } = await db.query('SELECT id, email, name FROM accounts WHERE email = $1', [email]);
  return rows[0];
}

// The whole set at once.
async function findByEmails(emails) {
  const { rows } = await db.query('SELECT id, email, name FROM accounts WHERE email = ANY($1)', [emails]);
  return rows;
}

function displayName(account) {
  return `${account.name} <${account.email}>`;
}

module.exports = { findByEmail, findByEmails, displayName };
