const { getOrder, chargeCustomer, updateOrderStatus, sendConfirmationEmail } = require('./orders');

async function processPayment(orderId, paymentMethod) {
  const order = await getOrder(orderId);
  await chargeCustomer(order.customerId, order.total, paymentMethod);
  await updateOrderStatus(orderId, 'paid'); // expect: missing-transaction:9
  await sendConfirmationEmail(order.customerId);
  return { success: true };
}

module.exports = { processPayment };
