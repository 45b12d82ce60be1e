// expect: none
const request = require('supertest');
const { render, screen } = require('@testing-library/react');
const { app } = require('../src/app');
const { createOrder, totalOf, cancelOrder } = require('../src/orders');
const { expectValidOrder } = require('./helpers');

function expectTotal(items, total) {
  expect(totalOf(items)).toBe(total);
}

describe('orders', () => {
  it('creates an order', async () => {
    const order = await createOrder({ items: [{ sku: 'A1', qty: 2 }] });
    expect(order.id).toBeDefined();
  });

  it('computes the total', () => {
    expectTotal([{ price: 3, qty: 2 }], 6);
  });

  it('validates', async () => {
    expectValidOrder(await createOrder({ items: [{ sku: 'A1', qty: 1 }] }));
  });

  it('rejects an empty order', async () => {
    await expect(createOrder({ items: [] })).rejects.toThrow('empty');
  });

  it('rejects an empty order (returned)', () => {
    return expect(createOrder({ items: [] })).rejects.toThrow('empty');
  });

  it('resolves (arrow body)', () => expect(createOrder({ items: [{ sku: 'B', qty: 1 }] })).resolves.toHaveProperty('id'));

  it('cancels', () => {
    return cancelOrder('o1').then((order) => {
      expect(order.status).toBe('cancelled');
    });
  });

  it('refuses to cancel a shipped order', async () => {
    expect.assertions(1);
    try {
      await cancelOrder('shipped-1');
    } catch (error) {
      expect(error.message).toMatch(/shipped/);
    }
  });

  it('refuses, failing when nothing is thrown', async () => {
    try {
      await cancelOrder('shipped-2');
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error.message).toMatch(/shipped/);
    }
  });

  it('lists orders over HTTP', async () => {
    await request(app).get('/orders').expect(200);
  });

  it('renders the list', () => {
    render(<div>orders</div>);
    screen.getByText('orders');
  });

  it('throws on a bad sku', () => {
    expect(() => totalOf([{ price: 'x' }])).toThrow(TypeError);
  });

  it('compares with a literal expected value', () => {
    expect(totalOf([])).toBe(0);
    expect(Boolean(totalOf([]))).toBe(false);
  });

  it.todo('applies discounts');
  it.skip('ships abroad', () => {});
  it('pending in mocha style');
  test.each([[1, 1], [2, 4]])('squares %i', (n, expected) => {
    expect(n * n).toBe(expected);
  });
});
