const express = require('express');
const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const app = express();

app.post('/checkout', async (req, res) => {
  const order = await orders.find(req.body.orderId);
  const intent = await stripe.paymentIntents.create({ // expect: missing-idempotency-key:24
    amount: order.totalCents,
    currency: 'usd',
    customer: order.stripeCustomerId,
  });
  res.json({ clientSecret: intent.client_secret });
});

app.post('/refunds', async (req, res) => {
  const refund = await stripe.refunds.create({ payment_intent: req.body.paymentIntentId }); // expect: missing-idempotency-key:24
  res.json(refund);
});

async function payOutSeller(seller, amountCents) {
  await stripe.transfers.create({ amount: amountCents, currency: 'usd', destination: seller.stripeAccountId }); // expect: missing-idempotency-key:9
}

module.exports = { app, payOutSeller };
