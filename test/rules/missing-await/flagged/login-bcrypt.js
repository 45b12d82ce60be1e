const express = require('express');
const bcrypt = require('bcrypt');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));
const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !bcrypt.compare(req.body.password, user.passwordHash)) { // expect: missing-await:16
    return res.status(401).json({ error: 'invalid credentials' });
  }
  if (bcrypt.compare(req.body.password, user.passwordHash)) { // expect: missing-await:7
    req.session.userId = user.id;
  }
  res.json({ ok: true });
});

router.post('/signup', async (req, res) => {
  const hash = bcrypt.hash(req.body.password, 10);
  const created = await User.create({ email: req.body.email, passwordHash: hash }); // expect: missing-await:62
  res.status(201).json({ id: created.id });
});

router.get('/me', async (req, res) => {
  const user = User.findById(req.session.userId);
  res.json({ id: user.id, email: user.email }); // expect: missing-await:18
});

router.get('/exists', async (req, res) => {
  const found = User.findOne({ email: req.query.email });
  if (!found) return res.status(404).end(); // expect: missing-await:7
  res.status(204).end();
});

module.exports = router;
