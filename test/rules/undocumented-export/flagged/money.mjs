function toCents(amount) { // expect: undocumented-export:10
  return Math.round(amount * 100);
}

const format = (cents, currency) => `${(cents / 100).toFixed(2)} ${currency}`; // expect: undocumented-export:7

export { toCents, format as formatCents };
