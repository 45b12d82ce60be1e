// fix: Escape with escape-html
const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/search', (req, res) => {
  res.send(`<h1>Results for ${escapeHtml(req.query.q)}</h1><p>Sorted by ${escapeHtml(req.query.sort)}</p>`);
});
