const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: false, maxAge: 86400000 }, // expect: insecure-cookie:11
}));

app.use(cookieSession({ name: 'sess', keys: [process.env.COOKIE_KEY], sameSite: 'none' })); // expect: insecure-cookie:23

app.post('/login', async (req, res) => {
  const token = await issueToken(req.body.email);
  res.cookie('token', token); // expect: insecure-cookie:3
  res.cookie('refresh_token', token, { maxAge: 604800000, sameSite: 'strict' }); // expect: insecure-cookie:3
  res.cookie('session', token, { httpOnly: true, sameSite: 'none' }); // expect: insecure-cookie:3
  res.json({ ok: true });
});

async function issueToken(email) {
  return email;
}
