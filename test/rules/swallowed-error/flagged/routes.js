const express = require('express');
const { Pool } = require('pg');
const Stripe = require('stripe');

const pool = new Pool();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const router = express.Router();

router.post('/orders', async (req, res) => {
  const { rows } = await pool.query('INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id', [req.user.id, req.body.total]);
  try {
    await stripe.paymentIntents.create({ amount: req.body.total, currency: 'eur', metadata: { orderId: rows[0].id } });
  } catch (err) { // expect: swallowed-error:5
    console.error('payment failed', err);
  }
  res.status(201).json({ id: rows[0].id });
});

router.put('/profile', async (req, res) => {
  try {
    await pool.query('UPDATE users SET name = $1 WHERE id = $2', [req.body.name, req.user.id]);
  } catch (e) {} // expect: swallowed-error:5
  res.json({ success: true });
});

router.delete('/account', async (req, res) => {
  pool.query('DELETE FROM users WHERE id = $1', [req.user.id]).catch(() => {}); // expect: swallowed-error:64
  await pool.query('DELETE FROM sessions WHERE user_id = $1', [req.user.id]).catch(() => null); // expect: swallowed-error:78
  res.sendStatus(204);
});

module.exports = router;
