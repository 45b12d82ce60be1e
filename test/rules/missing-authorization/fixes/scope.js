// fix: Scope the query by the current user
const express = require('express');
const Order = require('../models/Order');
const { requireAuth } = require('../middleware/auth');

const router = express.Router();

router.get('/orders', requireAuth, async (req, res) => {
  res.json(await Order.find({ user: req.user.id }));
});

router.get('/orders/:id', requireAuth, async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.sendStatus(404);
  res.json(order);
});

router.delete('/orders/:id', requireAuth, async (req, res) => {
  await Order.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

module.exports = router;
