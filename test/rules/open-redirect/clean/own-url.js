// expect: none
const express = require('express');
const app = express();

// The request's own path after its host stays on this site.
app.use((req, res, next) => {
  if (!req.secure) return res.redirect('https://' + req.hostname + req.originalUrl);
  next();
});

app.get('/login', (req, res) => {
  res.redirect(new URL('/home', req.url).toString());
});
