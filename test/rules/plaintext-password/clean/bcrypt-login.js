// expect: none
const express = require('express');
const bcrypt = require('bcrypt');
const crypto = require('crypto');
const User = require('../models/User');
const { pool } = require('../db');

const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email }).select('+password');
  if (!user || !(await bcrypt.compare(req.body.password, user.password))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ id: user.id });
});

router.post('/login-sql', async (req, res) => {
  const { email, password } = req.body;
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE email = $1', [email]);
  const valid = rows.length > 0 && (await bcrypt.compare(password, rows[0].password_hash));
  if (!valid) return res.sendStatus(401);
  res.json({ id: rows[0].id });
});

router.post('/login-constant-time', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const a = Buffer.from(user.passwordHash);
  const b = Buffer.from(crypto.scryptSync(req.body.password, user.salt, 64).toString('hex'));
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return res.sendStatus(401);
  res.json({ id: user.id });
});

router.post('/login-hash-compare', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const hashed = crypto.scryptSync(req.body.password, user.salt, 64).toString('hex');
  if (user.password !== hashed) return res.sendStatus(401);
  res.json({ id: user.id });
});

module.exports = router;
