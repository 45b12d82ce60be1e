const { pool } = require('./db');
const { chargeCustomer, sendConfirmationEmail } = require('./billing');

async function getOrder(orderId) {
  const { rows } = await pool.query('SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1', [orderId]);
  return rows[0];
}

async function updateOrderStatus(orderId, status) {
  await pool.query('UPDATE orders SET status = $1 WHERE id = $2', [status, orderId]);
}

/** As assistants write it: charge, then update, then email, with nothing holding them together. */
async function processPayment(orderId, paymentMethod) {
  const order = await getOrder(orderId);
  await chargeCustomer(order.customer_id, order.total_cents, paymentMethod);
  await updateOrderStatus(orderId, 'paid'); // expect: missing-transaction:9
  await sendConfirmationEmail(order.customer_id);
  return { success: true };
}

/** Shipping checked in JavaScript, then written: two requests can both ship. */
async function shipOrder(orderId) {
  const order = await getOrder(orderId);
  const { rows } = await pool.query('SELECT id, status FROM orders WHERE id = $1', [orderId]);
  if (rows[0].status !== 'paid') throw new Error('Order is not paid');
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [orderId]); // expect: race-check-then-act:9
  return order;
}

/**
 * The correct twin: the order row locked in one transaction with the charge (idempotent by order id) and the
 * writes; the email only after the commit.
 */
async function processPaymentSafely(orderId, paymentMethod) {
  const client = await pool.connect();
  let order;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    order = rows[0];
    if (order.status !== 'pending') {
      await client.query('ROLLBACK');
      return { success: order.status === 'paid' };
    }
    const charge = await chargeCustomer(order.customer_id, order.total_cents, paymentMethod, { idempotencyKey: `order-${orderId}` });
    await client.query("UPDATE orders SET status = 'paid' WHERE id = $1", [orderId]);
    await client.query('INSERT INTO payments (order_id, charge_id, amount_cents) VALUES ($1, $2, $3)', [orderId, charge.id, order.total_cents]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  await sendConfirmationEmail(order.customer_id);
  return { success: true };
}

/** And shipping as a conditional update whose row count decides. */
async function shipOrderSafely(orderId) {
  const { rowCount } = await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1 AND status = 'paid'", [orderId]);
  if (rowCount === 0) throw new Error('Order is not paid');
}

module.exports = { processPayment, shipOrder, processPaymentSafely, shipOrderSafely };
