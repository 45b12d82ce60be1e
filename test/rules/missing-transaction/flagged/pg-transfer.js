const { Pool } = require('pg');
const pool = new Pool();

async function transfer(fromId, toId, amount) {
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]); // expect: missing-transaction:9
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
  await pool.query('INSERT INTO transfers (from_id, to_id, amount) VALUES ($1, $2, $3)', [fromId, toId, amount]);
}

// A route: the order row, then its items by the new id.
async function createOrder(req, res) {
  const { rows } = await pool.query('INSERT INTO orders (user_id) VALUES ($1) RETURNING id', [req.user.id]); // expect: missing-transaction:26
  for (const item of req.body.items) {
    await pool.query('INSERT INTO order_items (order_id, sku, qty) VALUES ($1, $2, $3)', [rows[0].id, item.sku, item.qty]);
  }
  res.status(201).json({ id: rows[0].id });
}

module.exports = { transfer, createOrder };
