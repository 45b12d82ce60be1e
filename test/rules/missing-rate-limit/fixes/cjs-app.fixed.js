// fix: Add rate limiter
'use strict';
const express = require('express');
const { users } = require('./db');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.json());

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

// Sign in with email and password.
app.post('/login', loginLimiter, async (req, res) => {
  const user = await users.verify(req.body.email, req.body.password);
  res.json({ ok: Boolean(user) });
});

module.exports = app;
