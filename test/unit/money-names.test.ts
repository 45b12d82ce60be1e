import * as assert from 'node:assert/strict';
import { isPaymentApiAmountName, moneyNameKind } from '../../server/src/core/facts/money-names';

describe('money names', () => {
  const table: [string, ReturnType<typeof moneyNameKind>][] = [
    ['price', 'major'], ['unitPrice', 'major'], ['subtotal', 'major'], ['grandTotal', 'major'], ['orderTotal', 'major'],
    ['shipping_fee', 'major'], ['balance', 'major'], ['taxAmount', 'major'], ['discount', 'major'], ['shippingCost', 'major'],
    ['TOTAL_PRICE', 'major'], ['amount', 'major'],
    ['priceCents', 'minor'], ['amountInCents', 'minor'], ['total_cents', 'minor'], ['feeMinor', 'minor'], ['balancePence', 'minor'],
    ['total', undefined], ['sum', undefined], ['cost', undefined], ['totalCost', undefined], ['totalCount', undefined],
    ['totalPages', undefined], ['amountOfItems', undefined], ['priceId', undefined], ['taxRate', undefined],
    ['discountPercent', undefined], ['currency', undefined], ['shippingAddress', undefined], ['paymentIntent', undefined],
    ['formattedPrice', undefined], ['isTaxExempt', undefined], ['email', undefined],
  ];
  for (const [name, kind] of table) {
    it(`${name} → ${kind ?? 'not money'}`, () => assert.equal(moneyNameKind(name), kind));
  }

  it('knows payment APIs\' minor-unit amount fields', () => {
    for (const n of ['amount_received', 'unit_amount', 'amount_refunded', 'amount_total']) assert.ok(isPaymentApiAmountName(n), n);
    for (const n of ['amount', 'amountDue', 'price']) assert.ok(!isPaymentApiAmountName(n), n);
  });
});
