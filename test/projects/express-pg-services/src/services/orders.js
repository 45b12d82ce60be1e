// expect: none
const db = require('../db');

exports.markPaid = async (orderId) => {
  await db.query("UPDATE orders SET status = 'paid' WHERE id = $1", [orderId]);
};

exports.recordPayment = async (orderId, chargeId) => {
  await db.query('INSERT INTO payments (order_id, charge_id) VALUES ($1, $2)', [orderId, chargeId]);
};

exports.findOrder = async (orderId) => {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [orderId]);
  return rows[0];
};

// Both writes in one transaction of its own.
exports.settle = async (orderId, chargeId) => {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query("UPDATE orders SET status = 'paid' WHERE id = $1", [orderId]);
    await client.query('INSERT INTO payments (order_id, charge_id) VALUES ($1, $2)', [orderId, chargeId]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
};
