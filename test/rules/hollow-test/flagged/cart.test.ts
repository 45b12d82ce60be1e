import { describe, expect, it } from 'vitest';
import { Cart } from '../src/cart';

describe('Cart', () => {
  it('adds items', () => { // expect: hollow-test:3
    const cart = new Cart();
    cart.add('A1', 2);
  });

  it('is empty at first', () => {
    const cart = new Cart();
    expect(cart.size).toBe(0);
    expect(1).toStrictEqual(1); // expect: hollow-test:5
    expect(cart).toEqual(cart); // expect: hollow-test:5
  });

  it('checks out', async () => {
    const cart = new Cart();
    expect(cart.checkout()).resolves.toMatchObject({ paid: true }); // expect: hollow-test:5
  });
});
