// expect: none
import { describe, expect, it } from 'vitest';
import { Cart } from '../src/cart';

describe('Cart', () => {
  it('adds items', () => {
    const cart = new Cart();
    cart.add('A1', 2);
    expect(cart.size).toBe(1);
  });

  it('checks out', async () => {
    const cart = new Cart();
    await expect(cart.checkout()).resolves.toMatchObject({ paid: true });
  });

  it('throws when nothing is added', () => {
    const cart = new Cart();
    if (cart.size !== 0) throw new Error('a new cart is empty');
  });

  it('publishes a checkout event', async () => {
    const cart = new Cart();
    await cart.checkout();
    await cart.events.waitFor('checked-out', 1);
  });

  it('soft-asserts', () => {
    expect.soft(new Cart().size).toBe(0);
  });
});
