const express = require('express');
const User = require('../models/User');
const Order = require('../models/Order');
const mailer = require('../mailer');

const router = express.Router();

// Only a read came before: the mail is the work, and the user is told it was sent.
router.post('/password-reset', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  try {
    await mailer.sendResetLink(user);
  } catch (err) { // expect: swallowed-error:5
    console.log(err);
  }
  res.json({ message: 'Reset link sent' });
});

// The follow-up writes a row of its own: its failure leaves the data half done.
router.put('/orders/:id/ship', async (req, res) => {
  const order = await Order.findByIdAndUpdate(req.params.id, { shipped: true });
  try {
    await User.updateOne({ _id: order.user }, { $inc: { shipments: 1 } });
  } catch (err) { // expect: swallowed-error:5
    console.log(err);
  }
  res.json({ ok: true });
});

// The statement after the try does not report the failure.
router.get('/reports/latest', async (req, res) => {
  let report = {};
  try {
    report = await mailer.lastDigest(req.user.id);
  } catch (e) {} // expect: swallowed-error:5
  res.json({ ok: true, report });
});

module.exports = router;
