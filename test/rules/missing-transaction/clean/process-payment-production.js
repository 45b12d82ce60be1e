// expect: none
const { db } = require('./db');
const { getOrderForUpdate, chargeCustomer, updateOrderStatus, recordPayment, sendConfirmationEmail } = require('./orders');

// The production-ready version: one transaction holds the row lock, the status check, the charge (idempotent by
// order id) and the writes; the email goes out only after the commit.
async function processPayment(orderId, paymentMethod) {
  const order = await db.transaction(async (tx) => {
    const locked = await getOrderForUpdate(tx, orderId);
    if (locked.status !== 'pending') return locked;
    const charge = await chargeCustomer(locked.customerId, locked.total, paymentMethod, { idempotencyKey: `order-${orderId}` });
    await updateOrderStatus(tx, orderId, 'paid');
    await recordPayment(tx, orderId, charge.id);
    return locked;
  });
  await sendConfirmationEmail(order.customerId);
  return { success: true };
}

module.exports = { processPayment };
