const TAX_RATE = 0.0825;

function cartTotals(items, shippingFee) {
  let subtotal = 0;
  for (const item of items) {
    subtotal += item.price * item.quantity; // expect: money-float
  }
  const tax = subtotal * TAX_RATE; // expect: money-float
  const total = subtotal + tax + shippingFee; // expect: money-float
  return { subtotal, tax, total: parseFloat(total.toFixed(2)) }; // expect: money-float
}

function orderTotal(order) {
  return order.items.reduce((sum, line) => sum + line.unitPrice * line.qty, 0); // expect: money-float
}

function applyDiscount(price, discountPercent) {
  return Math.round(price * (1 - discountPercent / 100) * 100) / 100; // expect: money-float
}

function withVat(netPrice) {
  return +(netPrice * 1.2).toFixed(2); // expect: money-float
}

function toInvoiceLine(row) {
  const amount = Number(row.amount.toFixed(2)); // expect: money-float
  const fee = amount * 0.029 + 0.3; // expect: money-float
  return { amount, fee };
}

module.exports = { cartTotals, orderTotal, applyDiscount, withVat, toInvoiceLine };
