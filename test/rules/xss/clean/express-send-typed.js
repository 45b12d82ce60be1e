// expect: none
const express = require('express');
const app = express();

app.get('/json', (req, res) => {
  res.send({ message: `Not found: ${req.params.id}` });
});

app.get('/typed', (req, res) => {
  res.type('text/plain').send('Hello ' + req.query.name);
});

app.get('/header', (req, res) => {
  res.set('Content-Type', 'text/plain');
  res.send('Hello ' + req.query.name);
});

app.get('/count', (req, res) => {
  res.send('Count: ' + Number(req.query.n));
});
