// expect: none
const express = require('express');
const escapeHtml = require('escape-html');
const db = require('./db');

const app = express();

app.get('/search', (req, res) => {
  res.send(`<h1>Results for ${escapeHtml(req.query.q)}</h1>`);
});

app.get('/hello/:name', (req, res) => {
  res.render('hello', { name: req.params.name });
});

app.get('/api/echo', (req, res) => {
  res.json({ q: req.query.q });
});

app.get('/count', (req, res) => {
  const page = Number(req.query.page) || 1;
  res.send(`<p>Page ${page} of ${db.pages}</p>`);
});

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

app.get('/greet', (req, res) => {
  const name = esc(req.query.name);
  res.send(`<p>Hello ${name}</p>`);
});

app.get('/plain', (req, res) => {
  res.type('text').send(`Hello ${req.query.name}`);
});

module.exports = app;
