// expect: none
const express = require('express');
const session = require('express-session');

const app = express();
const isProduction = process.env.NODE_ENV === 'production';
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'none' };

app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: isProduction, sameSite: 'lax' } }));

app.post('/login', (req, res) => {
  const token = 'abc';
  res.cookie('token', token, { httpOnly: true, secure: isProduction, sameSite: 'strict' });
  res.cookie('session', token, cookieOptions);
  res.cookie('refresh', token, { ...cookieOptions, maxAge: 1000 });
  res.cookie('theme', req.body.theme);
  res.cookie('locale', 'en-GB', { maxAge: 31536000000 });
  res.cookie('XSRF-TOKEN', req.csrfToken());
  res.cookie('auth-redirect', req.query.next);
  res.cookie('session_expires', String(Date.now() + 3600000));
  res.json({ ok: true });
});

app.post('/logout', (req, res) => {
  res.cookie('token', '', { expires: new Date(0) });
  res.cookie('session', 'x', { maxAge: 0 });
  res.cookie('token', null, { expires: new Date(Date.now()) });
  res.cookie('refresh_token', 'none', { expires: new Date(Date.now() - 1000) });
  res.clearCookie('token');
  res.end();
});

if (process.env.NODE_ENV === 'development') {
  app.get('/dev-login', (req, res) => {
    res.cookie('token', 'dev');
    res.end();
  });
}
