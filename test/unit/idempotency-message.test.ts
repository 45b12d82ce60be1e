import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';

describe('missing-idempotency-key message', () => {
  const message = (params: string) => {
    const text = `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nexport async function pay(orderId: string) {\n  return stripe.paymentIntents.create(${params});\n}\n`;
    return analyze({ text, fileName: 'src/pay.ts' }).findings.find((f) => f.ruleId === 'missing-idempotency-key')?.message ?? '';
  };

  it('says a PaymentIntent created unconfirmed is a second intent, not a second charge', () => {
    assert.match(message("{ amount: 1000, currency: 'eur', metadata: { orderId } }"), /creates a second PaymentIntent/);
  });

  it('says a PaymentIntent confirmed at creation charges twice', () => {
    assert.match(message("{ amount: 1000, currency: 'eur', confirm: true, metadata: { orderId } }"), /it charges the customer twice/);
  });
});
