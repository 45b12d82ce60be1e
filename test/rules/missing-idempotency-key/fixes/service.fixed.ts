// fix: Add idempotency key
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const connect = { stripeAccount: 'acct_123' };

export class Payments {
  async charge(customerId: string, amountCents: number, note?: string, idempotencyKey?: string) {
    return stripe.charges.create({ amount: amountCents, currency: 'usd', customer: customerId, description: note }, { idempotencyKey });
  }

  async payout(amountCents: number, idempotencyKey: string) {
    return stripe.payouts.create({ amount: amountCents, currency: 'usd' }, { ...connect, idempotencyKey });
  }
}

export async function POST(request: Request) {
  const body = await request.json();
  const intent = await stripe.paymentIntents.create({ amount: body.amountCents, currency: 'usd' }, { idempotencyKey: request.headers.get('Idempotency-Key') });
  return Response.json({ clientSecret: intent.client_secret });
}
