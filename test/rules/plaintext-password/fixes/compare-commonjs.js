// fix: Use bcrypt.compare
const express = require('express');
const User = require('./models/User');

const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || user.password !== req.body.password) return res.sendStatus(401);
  res.json({ id: user.id });
});

router.post('/verify', async (req, res) => {
  const user = await User.findById(req.body.id);
  const ok = req.body.password === user.password;
  res.json({ ok });
});

router.post('/negated', async (req, res) => {
  const { password } = req.body;
  const user = await User.findById(req.body.id);
  if (!(user.password == password)) return res.sendStatus(401);
  res.sendStatus(204);
});

module.exports = router;
