// expect: none
const express = require('express');
const router = express.Router();

router.post('/orders/:id/refund', async (req, res) => {
  const order = await req.db.orders.findById(req.params.id);
  if (!order) return res.status(404).end();
  if (order.customerId !== req.user.id) return res.status(403).end();
  if (order.payments.length === 0) return res.status(409).json({ error: 'nothing to refund' });
  for (const payment of order.payments) {
    if (!payment.refundable) continue;
    await req.payments.refund(payment.id);
  }
  res.json({ refunded: true });
});

function validateSignup(form, existingEmails) {
  if (!form || !form.email) return [];
  if (!form.email.includes('@')) return ['email is invalid'];
  if (existingEmails.has(form.email)) return ['email is taken'];
  if (!form.password) return ['password is required'];
  return form.password.length < 12 ? ['password is too short'] : [];
}

module.exports = { router, validateSignup };
