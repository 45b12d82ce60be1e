// expect: none
const express = require('express');

const app = express();
const ALLOWED_HOSTS = ['https://docs.example.com', 'https://status.example.com'];
const destinations = { home: '/', billing: '/settings/billing' };

app.post('/login', (req, res) => {
  const next = req.body.next;
  if (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//')) return res.redirect(next);
  res.redirect('/dashboard');
});

app.get('/out', (req, res) => {
  const url = req.query.url;
  if (!ALLOWED_HOSTS.includes(url)) return res.status(400).send('Unknown destination');
  res.redirect(url);
});

app.get('/to/:name', (req, res) => {
  res.redirect(destinations[req.params.name] ?? '/');
});

app.get('/users/:id', (req, res) => {
  res.redirect(301, `/profiles/${req.params.id}`);
});

app.get('/docs/:page', (req, res) => {
  res.redirect(`https://docs.example.com/${encodeURIComponent(req.params.page)}`);
});

app.get('/back', (req, res) => {
  res.redirect(req.get('Referer') || '/');
});

app.get('/login-required', (req, res) => {
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
});

module.exports = app;
