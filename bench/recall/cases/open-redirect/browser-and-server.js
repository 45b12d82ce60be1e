const express = require('express');
const app = express();

app.get('/login', (req, res) => {
  res.redirect(req.query.next); // fault: open-redirect
});

app.get('/go', (req, res) => {
  const target = new URL(req.url, 'http://x').searchParams.get('to');
  res.redirect(target); // fault: open-redirect
});

const params = new URLSearchParams(location.search);
window.location.href = params.get('returnTo'); // fault: open-redirect

location.assign(params.get('next')); // fault: open-redirect

const next = params.get('n');
if (next && next.startsWith('/') && !next.startsWith('//')) window.location.href = next; // safe: open-redirect

app.get('/local', (req, res) => {
  res.redirect('/home'); // safe: open-redirect
});
