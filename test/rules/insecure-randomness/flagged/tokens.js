const express = require('express');
const db = require('./db');

const app = express();

function generateToken() {
  return Math.random().toString(36).substring(2, 15); // expect: insecure-randomness:10
}

function generatePassword(length) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let result = '';
  for (let i = 0; i < length; i++) {
    result += chars.charAt(Math.floor(Math.random() * chars.length)); // expect: insecure-randomness:39
  }
  return result;
}

app.post('/forgot-password', async (req, res) => {
  const user = await db.users.findByEmail(req.body.email);
  const resetToken = Math.random().toString(36).slice(2) + Date.now().toString(36); // expect: insecure-randomness:22
  await db.users.update(user.id, { resetToken });
  res.json({ ok: true });
});

app.post('/login', async (req, res) => {
  const user = await db.users.verify(req.body.email, req.body.password);
  const sessionId = String(Math.random()).slice(2); // expect: insecure-randomness:28
  await db.sessions.create({ id: sessionId, userId: user.id });
  res.cookie('sid', Math.random().toString(16).substr(2, 8)); // expect: insecure-randomness:21
  res.json({ token: generateToken() });
});

module.exports = { app, generatePassword };
