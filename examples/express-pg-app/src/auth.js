const express = require('express');
const rateLimit = require('express-rate-limit');
const bcrypt = require('bcrypt');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { pool } = require('./db');

const router = express.Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

// The look-alike of app.js's login: limited, parameterized, hashed, and the token expires.
router.post('/login', loginLimiter, async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [req.body.email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(req.body.password, user.password_hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  const token = jwt.sign({ userId: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.json({ token });
});

// Sign-up hashes with a fast digest: a GPU tries billions of MD5s a second.
router.post('/register', loginLimiter, async (req, res) => {
  const { email, password } = req.body;
  const hash = crypto.createHash('md5').update(password).digest('hex'); // expect: weak-password-hash:16
  await pool.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, hash]);
  res.status(201).end();
});

/** A digest of something that is not a password is fine: an ETag for a response body. */
function etag(body) {
  return crypto.createHash('sha256').update(body).digest('hex');
}

// Password reset with no limiter: anyone can hammer the reset endpoint.
const reset = express.Router();
reset.post('/password-reset', async (req, res) => { // expect: missing-rate-limit:7
  await pool.query('UPDATE users SET reset_requested_at = now() WHERE email = $1', [req.body.email]);
  res.status(202).end();
});

module.exports = { router, reset, etag };
