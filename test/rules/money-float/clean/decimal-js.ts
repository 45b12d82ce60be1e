// expect: none
import Decimal from 'decimal.js';

export function cartTotal(items: { price: string; quantity: number }[], taxRate: string) {
  const subtotal = items.reduce((sum, item) => sum.plus(new Decimal(item.price).times(item.quantity)), new Decimal(0));
  const tax = subtotal.times(taxRate).toDecimalPlaces(2);
  return subtotal.plus(tax);
}

export function legacyTotal(price: number, quantity: number) {
  // Converted at the boundary: Decimal does the arithmetic.
  return new Decimal(price).times(quantity).toNumber() + 0;
}
