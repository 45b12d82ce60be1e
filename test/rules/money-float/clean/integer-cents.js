// expect: none
// Integer minor units throughout: exact sums, one rounding where a rate applies.
function cartTotals(items, shippingCents) {
  let subtotalCents = 0;
  for (const item of items) {
    subtotalCents += item.priceCents * item.quantity;
  }
  const taxCents = Math.round(subtotalCents * 0.0825);
  const totalCents = subtotalCents + taxCents + shippingCents;
  return { subtotalCents, taxCents, totalCents };
}

function toCents(price) {
  return Math.round(price * 100);
}

function refundable(paymentIntent, refunds) {
  const refunded = refunds.reduce((sum, r) => sum + r.amount_refunded, 0);
  return paymentIntent.amount - refunded;
}

function fromStripe(charge) {
  return charge.amount - charge.amount_refunded;
}

function byPrice(products) {
  return [...products].sort((a, b) => a.price - b.price);
}

function isPaidInFull(invoiceTotal, paidAmount) {
  return invoiceTotal - paidAmount <= 0;
}

module.exports = { cartTotals, toCents, refundable, fromStripe, byPrice, isPaidInFull };
