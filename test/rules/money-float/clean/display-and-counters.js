// expect: none
const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function priceLabel(product) {
  return `$${(product.price * 1.2).toFixed(2)}`;
}

function render(res, order) {
  res.json({ total: order.totalCents, display: formatter.format(order.totalCents / 100) });
}

function showTax(subtotal) {
  return 'Tax: ' + (subtotal * 0.08).toFixed(2);
}

function pagination(totalCount, pageSize) {
  const totalPages = Math.ceil(totalCount / pageSize);
  let total = 0;
  for (const page of pages) total += page.length;
  return { totalPages, total, amountOfItems: totalCount * 1.0 };
}

function progress(done, total) {
  return parseFloat(((done / total) * 100).toFixed(1));
}

function average(durations) {
  const sum = durations.reduce((acc, d) => acc + d.ms, 0);
  return Math.round((sum / durations.length) * 100) / 100;
}

function taxRateLabel(taxRate) {
  return `${taxRate * 100}%`;
}

function priceWithCurrency(price, currency) {
  return price + ' ' + currency;
}

module.exports = { priceLabel, render, showTax, pagination, progress, average, taxRateLabel, priceWithCurrency };
