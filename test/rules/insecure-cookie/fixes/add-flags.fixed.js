// fix: Add the missing cookie flags
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, cookie: { httpOnly: true, sameSite: 'none', secure: true } }));

app.post('/login', (req, res) => {
  const token = 'abc';
  res.cookie('token', token, { httpOnly: true });
  res.cookie('refresh_token', token, {
    maxAge: 604800000,
    sameSite: 'none',
    httpOnly: true,
    secure: true,
  });
  res.json({ ok: true });
});
