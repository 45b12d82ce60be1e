// fix: Remove .only
const { totalOf } = require('../src/orders');

describe.only('totals', () => {
  it.only('totals one order', () => {
    expect(totalOf([{ price: 5, qty: 1 }])).toBe(5);
  });
});
