const express = require('express');
const User = require('../models/User');
const { pool } = require('../db');

const router = express.Router();

const users = [{ id: 1, username: 'admin', password: 'admin123' }];

router.post('/login-memory', (req, res) => {
  const { username, password } = req.body;
  const user = users.find((u) => u.username === username && u.password === password); // expect: plaintext-password:61
  if (!user) return res.status(401).json({ error: 'Invalid credentials' });
  res.json({ id: user.id });
});

router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || user.password !== req.body.password) { // expect: plaintext-password:16
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ id: user.id });
});

router.post('/login-by-password', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email, password }); // expect: plaintext-password:44
  if (!user) return res.sendStatus(401);
  res.json(user);
});

router.post('/login-sql', async (req, res) => {
  const { email, password } = req.body;
  const { rows } = await pool.query('SELECT id FROM users WHERE email = $1 AND password = $2', [email, password]); // expect: plaintext-password:104
  if (rows.length === 0) return res.sendStatus(401);
  res.json(rows[0]);
});

router.post('/login-row', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [req.body.email]);
  const dbUser = rows[0];
  if (dbUser && req.body.password == dbUser.pwd) { // expect: plaintext-password:17
    return res.json({ ok: true });
  }
  res.sendStatus(401);
});

module.exports = router;
