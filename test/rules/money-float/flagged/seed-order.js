// The seed's order flow: the total is summed and taxed as floats before it is charged.
async function processPayment(orderId, paymentMethod) {
  const order = await getOrder(orderId);
  const subtotal = order.items.reduce((acc, item) => acc + item.price * item.quantity, 0); // expect: money-float:54
  const tax = subtotal * order.taxRate; // expect: money-float:15
  const grandTotal = subtotal + tax; // expect: money-float:22
  await chargeCustomer(order.customerId, grandTotal, paymentMethod);
  return { success: true };
}

function splitBill(billTotal, people) {
  const share = billTotal / people;
  const tipAmount = billTotal * 0.18; // expect: money-float:21
  return { share, tipAmount };
}

module.exports = { processPayment, splitBill };
