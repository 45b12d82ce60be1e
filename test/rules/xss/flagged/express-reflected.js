const express = require('express');
const db = require('./db');

const app = express();

app.get('/search', (req, res) => {
  const q = req.query.q;
  res.send(`<h1>Results for ${q}</h1>`); // expect: xss:31
});

app.get('/hello/:name', (req, res) => {
  res.status(200).send('<p>Hello, ' + req.params.name + '!</p>'); // expect: xss:39
});

app.post('/comment', async (req, res) => {
  const { author, body } = req.body;
  await db.comments.insert({ author, body });
  const page = `<article><h2>${author}</h2><div>${body.trim()}</div></article>`; // expect: xss:32, xss:51
  res.send(page);
});

app.get('/error', (req, res) => {
  res.write('<html><body>');
  res.write(`<p>Unknown page: ${req.query.page}</p>`); // expect: xss:33
  res.end('</body></html>');
});

module.exports = app;
