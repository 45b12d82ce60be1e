const express = require('express');
const db = require('../db');
const { digest, sha256 } = require('../lib/crypto-utils');

const router = express.Router();

router.post('/register', async (req, res) => {
  const { email, password } = req.body;
  const hash = digest(password); // expect: weak-password-hash:16
  await db.query('INSERT INTO accounts (email, password_hash) VALUES ($1, $2)', [email, hash]);
  res.status(201).end();
});

router.post('/reset', async (req, res) => {
  const newPassword = req.body.newPassword;
  await db.query('UPDATE accounts SET password_hash = $1 WHERE email = $2', [sha256(newPassword), req.body.email]); // expect: weak-password-hash:78
  res.end();
});

// The look-alikes: the same helpers on an email (an avatar URL) and on a file's body (an ETag).
router.get('/avatar', (req, res) => {
  res.redirect(`/avatars/${digest(String(req.query.email).trim().toLowerCase())}.png`);
});

router.put('/files/:name', express.text(), (req, res) => {
  res.set('ETag', sha256(req.body)).end();
});

module.exports = router;
