// expect: none
const Stripe = require('stripe');
const { randomUUID } = require('crypto');

const stripe = Stripe(process.env.STRIPE_SECRET_KEY);

async function chargeOrder(order, idempotencyKey) {
  return stripe.paymentIntents.create(
    { amount: order.totalCents, currency: 'usd', customer: order.customerId },
    { idempotencyKey },
  );
}

async function refundOrder(order) {
  return stripe.refunds.create({ payment_intent: order.paymentIntentId }, { idempotencyKey: `refund-${order.id}` });
}

async function legacyCharge(order) {
  return stripe.charges.create({ amount: order.totalCents, currency: 'usd' }, { idempotency_key: order.chargeKey });
}

async function withSharedOptions(order, requestOptions) {
  // Options built by the caller: they may well carry the key.
  return stripe.transfers.create({ amount: order.totalCents, currency: 'usd', destination: order.accountId }, requestOptions);
}

async function spreadOptions(order, base) {
  return stripe.payouts.create({ amount: order.totalCents, currency: 'usd' }, { ...base, stripeAccount: order.accountId });
}

async function newCustomer(email) {
  // Creating a customer or a checkout session moves no money.
  const customer = await stripe.customers.create({ email });
  const session = await stripe.checkout.sessions.create({ customer: customer.id, mode: 'payment', line_items: [] });
  return { customer, session, key: randomUUID() };
}

module.exports = { chargeOrder, refundOrder, legacyCharge, withSharedOptions, spreadOptions, newCustomer };
