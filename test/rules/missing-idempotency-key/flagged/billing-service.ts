import Stripe from 'stripe';
import { Injectable } from '@nestjs/common';

@Injectable()
export class BillingService {
  constructor(private readonly stripe: Stripe) {}

  async charge(customerId: string, amountCents: number) {
    return this.stripe.charges.create({ amount: amountCents, currency: 'usd', customer: customerId }); // expect: missing-idempotency-key:12
  }

  async subscribe(customerId: string, priceId: string) {
    return this.stripe.subscriptions.create( // expect: missing-idempotency-key:12
      { customer: customerId, items: [{ price: priceId }] },
      { stripeAccount: process.env.STRIPE_CONNECT_ACCOUNT },
    );
  }

  async payout(amountCents: number) {
    return this.stripe.payouts.create({ amount: amountCents, currency: 'usd' }); // expect: missing-idempotency-key:12
  }
}
