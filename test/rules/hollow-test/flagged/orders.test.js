const request = require('supertest');
const { app } = require('../src/app');
const { createOrder, totalOf, cancelOrder } = require('../src/orders');

describe('orders', () => {
  it('creates an order', async () => { // expect: hollow-test:3
    await createOrder({ items: [{ sku: 'A1', qty: 2 }] });
  });

  it('applies discounts', () => {}); // expect: hollow-test:3

  it('computes the total', () => {
    expect(true).toBe(true); // expect: hollow-test:5
    expect(1 + 1).toEqual(2);
  });

  it('rejects an empty order', () => {
    expect(createOrder({ items: [] })).rejects.toThrow('empty'); // expect: hollow-test:5
  });

  it('returns a total', () => {
    expect(totalOf([{ price: 3, qty: 2 }])); // expect: hollow-test:5
    expect(totalOf([])).toBeDefined; // expect: hollow-test:5
  });

  it('cancels', () => {
    cancelOrder('o1').then((order) => { // expect: hollow-test:23
      expect(order.status).toBe('cancelled');
    });
  });

  it('refuses to cancel a shipped order', async () => {
    try {
      await cancelOrder('shipped-1');
    } catch (error) {
      expect(error.message).toMatch(/shipped/); // expect: hollow-test:7
    }
  });

  it('lists orders', async () => {
    try {
      const res = await request(app).get('/orders');
      expect(res.status).toBe(200); // expect: hollow-test:7
    } catch (error) {
      console.error(error);
    }
  });

  it.only('totals one order', () => { // expect: hollow-test:6
    expect(totalOf([{ price: 5, qty: 1 }])).toBe(5);
  });
});
