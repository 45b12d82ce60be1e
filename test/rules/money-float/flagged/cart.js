const TAX_RATE = 0.0825;

function cartTotals(items, shippingFee) {
  let subtotal = 0;
  for (const item of items) {
    subtotal += item.price * item.quantity; // expect: money-float:5
  }
  const tax = subtotal * TAX_RATE; // expect: money-float:15
  const total = subtotal + tax + shippingFee; // expect: money-float:17
  return { subtotal, tax, total: parseFloat(total.toFixed(2)) }; // expect: money-float:34
}

function orderTotal(order) {
  return order.items.reduce((sum, line) => sum + line.unitPrice * line.qty, 0); // expect: money-float:44
}

function applyDiscount(price, discountPercent) {
  return Math.round(price * (1 - discountPercent / 100) * 100) / 100; // expect: money-float:10
}

function withVat(netPrice) {
  return +(netPrice * 1.2).toFixed(2); // expect: money-float:10
}

function toInvoiceLine(row) {
  const amount = Number(row.amount.toFixed(2)); // expect: money-float:18
  const fee = amount * 0.029 + 0.3; // expect: money-float:15
  return { amount, fee };
}

module.exports = { cartTotals, orderTotal, applyDiscount, withVat, toInvoiceLine };
