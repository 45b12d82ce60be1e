const { Pool } = require('pg');
const pool = new Pool();

async function withdraw(accountId, amount) {
  const { rows } = await pool.query('SELECT id, balance FROM accounts WHERE id = $1', [accountId]);
  const account = rows[0];
  if (account.balance < amount) throw new Error('Insufficient funds');
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, accountId]); // expect: race-check-then-act:9
}

module.exports = { withdraw };
