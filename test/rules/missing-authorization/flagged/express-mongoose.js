const express = require('express');
const Order = require('../models/Order');
const Note = require('../models/Note');
const { requireAuth } = require('../middleware/auth');

const router = express.Router();

router.get('/orders', requireAuth, async (req, res) => {
  res.json(await Order.find({ user: req.user.id }));
});

router.get('/orders/:id', requireAuth, async (req, res) => {
  const order = await Order.findById(req.params.id); // expect: missing-authorization:23
  if (!order) return res.sendStatus(404);
  res.json(order);
});

router.delete('/notes/:id', requireAuth, async (req, res) => {
  await Note.findByIdAndDelete(req.params.id); // expect: missing-authorization:9
  res.sendStatus(204);
});

router.put('/notes/:noteId', requireAuth, async (req, res) => {
  const note = await Note.findOneAndUpdate({ _id: req.params.noteId }, { text: req.body.text }); // expect: missing-authorization:22
  note.editedBy = req.user.id;
  res.json(note);
});

module.exports = router;
