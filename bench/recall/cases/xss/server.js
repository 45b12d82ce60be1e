const express = require('express');
const http = require('http');
const url = require('url');

const app = express();

app.get('/hello', (req, res) => {
  res.send('Hello ' + req.query.name); // fault: xss
});

app.get('/echo', (req, res) => {
  const msg = req.query.msg;
  res.send(msg); // fault: xss
});

app.get('/page', (req, res) => {
  let html = '<h1>Results</h1>';
  html += '<p>' + req.query.q + '</p>';
  res.send(html); // fault: xss
});

http.createServer((req, res) => {
  const q = url.parse(req.url, true).query;
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end('<p>' + q.name + '</p>'); // fault: xss
});

app.get('/json', (req, res) => {
  res.json({ name: req.query.name }); // safe: xss
});

app.get('/typed', (req, res) => {
  res.type('text/plain').send('Hello ' + req.query.name); // safe: xss
});

app.get('/count', (req, res) => {
  res.send('Count: ' + Number(req.query.n)); // safe: xss
});
