import { stripe } from '@/lib/stripe';
import { Client, CheckoutAPI } from '@adyen/api-library';

const checkout = new CheckoutAPI(new Client({ apiKey: process.env.ADYEN_API_KEY!, environment: 'TEST' }));

export async function POST(request: Request) {
  const { amount, customer } = await request.json();
  const intent = await stripe.paymentIntents.create({ amount, currency: 'eur', customer }); // expect: missing-idempotency-key:24
  return Response.json({ clientSecret: intent.client_secret });
}

export async function payWithAdyen(reference: string, amountMinor: number, paymentMethod: object) {
  return checkout.PaymentsApi.payments({ // expect: missing-idempotency-key:10
    amount: { currency: 'EUR', value: amountMinor },
    reference,
    paymentMethod,
    merchantAccount: process.env.ADYEN_MERCHANT!,
    returnUrl: 'https://shop.example/return',
  });
}

const connectOptions = { stripeAccount: 'acct_123' };
export async function chargeConnected(amount: number) {
  return stripe.charges.create({ amount, currency: 'eur', source: 'tok_visa' }, connectOptions); // expect: missing-idempotency-key:10
}
