const express = require('express');
const Stripe = require('stripe');
const orders = require('../services/orders');

const stripe = new Stripe(process.env.STRIPE_KEY);
const router = express.Router();

router.post('/:id/pay', async (req, res) => {
  const order = await orders.findOrder(req.params.id);
  const charge = await stripe.charges.create({ amount: order.total, currency: 'usd', source: req.body.token }, { idempotencyKey: order.id });
  await orders.markPaid(order.id); // expect: missing-transaction:9
  await orders.recordPayment(order.id, charge.id);
  res.json({ ok: true });
});

// The look-alike: the same steps, the two writes in one transaction of the service's own.
router.post('/:id/pay-settled', async (req, res) => {
  const order = await orders.findOrder(req.params.id);
  const charge = await stripe.charges.create({ amount: order.total, currency: 'usd', source: req.body.token }, { idempotencyKey: order.id });
  await orders.settle(order.id, charge.id);
  res.json({ ok: true });
});

module.exports = router;
