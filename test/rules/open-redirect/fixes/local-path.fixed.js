// fix: Redirect only to local paths
const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  const next = req.body.next;
  res.redirect(typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');
});
