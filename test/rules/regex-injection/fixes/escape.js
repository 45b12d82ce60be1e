// fix: Escape the input with escapeRegExp
const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User');
const router = express.Router();

router.get('/users', async (req, res) => {
  res.json(await User.find({ name: { $regex: req.query.q, $options: 'i' } }));
});

router.get('/routes/:prefix', (req, res) => {
  const matcher = new RegExp(`^${req.params.prefix}/`);
  res.json(['/a/b'].filter((r) => matcher.test(r)));
});
