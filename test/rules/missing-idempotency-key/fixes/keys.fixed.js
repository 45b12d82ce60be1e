// fix: Add idempotency key
const express = require('express');
const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const app = express();

async function chargeOrder(order, idempotencyKey) {
  return stripe.paymentIntents.create({ amount: order.totalCents, currency: 'usd' }, { idempotencyKey });
}

async function refundOrder(order, idempotencyKey) {
  return stripe.refunds.create({ payment_intent: order.paymentIntentId }, { stripeAccount: order.accountId, idempotencyKey });
}

const payOut = async (seller, idempotencyKey) => stripe.transfers.create({ amount: seller.balanceCents, currency: 'usd', destination: seller.accountId }, { idempotencyKey });

async function subscribe({ customerId, priceId, idempotencyKey }) {
  return stripe.subscriptions.create({ customer: customerId, items: [{ price: priceId }] }, { idempotencyKey });
}

app.post('/checkout', async (req, res) => {
  const intent = await stripe.paymentIntents.create({
    amount: req.body.amountCents,
    currency: 'usd',
  }, { idempotencyKey: req.headers['idempotency-key'] });
  res.json({ clientSecret: intent.client_secret });
});

module.exports = { app, chargeOrder, refundOrder, payOut, subscribe };
