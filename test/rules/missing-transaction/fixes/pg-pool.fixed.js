// fix: Wrap in transaction
const { Pool } = require('pg');
const { sendReceipt } = require('./mail');

const pool = new Pool();

async function transfer(fromId, toId, amount) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [fromId]);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  await sendReceipt(fromId, amount);
  return rows[0].balance - amount;
}

module.exports = { transfer };
