// fix: Use bcrypt.compare
const express = require('express');
const User = require('./models/User');
const bcrypt = require('bcrypt');

const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.password))) return res.sendStatus(401);
  res.json({ id: user.id });
});

router.post('/verify', async (req, res) => {
  const user = await User.findById(req.body.id);
  const ok = await bcrypt.compare(req.body.password, user.password);
  res.json({ ok });
});

router.post('/negated', async (req, res) => {
  const { password } = req.body;
  const user = await User.findById(req.body.id);
  if (!(await bcrypt.compare(password, user.password))) return res.sendStatus(401);
  res.sendStatus(204);
});

module.exports = router;
