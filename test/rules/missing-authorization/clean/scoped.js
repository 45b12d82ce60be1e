// expect: none
const express = require('express');
const Order = require('../models/Order');
const Note = require('../models/Note');
const { requireAuth, requireRole } = require('../middleware/auth');

const router = express.Router();

router.get('/orders/:id', requireAuth, async (req, res) => {
  const order = await Order.findOne({ _id: req.params.id, user: req.user.id });
  if (!order) return res.sendStatus(404);
  res.json(order);
});

router.delete('/notes/:id', requireAuth, async (req, res) => {
  const note = await Note.findById(req.params.id);
  if (!note || note.owner.toString() !== req.user.id) return res.sendStatus(404);
  await note.deleteOne();
  res.sendStatus(204);
});

router.put('/orders/:id/status', requireAuth, requireRole('admin'), async (req, res) => {
  res.json(await Order.findByIdAndUpdate(req.params.id, { status: req.body.status }));
});

router.get('/products/:id', requireAuth, async (req, res) => {
  res.json(await Product.findById(req.params.id));
});

router.get('/admin/orders/:id', requireAuth, async (req, res) => {
  res.json(await Order.findById(req.params.id));
});

module.exports = router;
