const crypto = require('crypto');
const { createHash } = require('node:crypto');
const express = require('express');
const { pool } = require('./db');

const router = express.Router();

function hashPassword(password) {
  return crypto.createHash('sha256').update(password).digest('hex'); // expect: weak-password-hash:10
}

router.post('/register', async (req, res) => {
  const hashed = crypto.createHash('md5').update(req.body.password).digest('hex'); // expect: weak-password-hash:18
  await pool.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [req.body.email, hashed]);
  res.sendStatus(201);
});

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [email]);
  const digest = createHash('sha1').update(rows[0].salt + password).digest('hex'); // expect: weak-password-hash:18
  if (digest !== rows[0].password_hash) return res.sendStatus(401);
  res.json({ ok: true, legacy: hashPassword('x') });
});

function hashInSteps(pwd, salt) {
  const h = crypto.createHash('sha512'); // expect: weak-password-hash:13
  h.update(salt);
  h.update(pwd);
  return h.digest('base64');
}

module.exports = { router, hashInSteps };
