const express = require('express');
const axios = require('axios');
const http = require('http');

const app = express();

app.get('/preview', async (req, res) => {
  const page = await axios.get(req.query.url); // expect: ssrf:32
  res.send(page.data);
});

app.post('/webhooks/test', async (req, res) => {
  const { callbackUrl } = req.body;
  await axios({ method: 'post', url: callbackUrl, data: { ok: true } }); // expect: ssrf:38
  res.sendStatus(204);
});

app.get('/status/:host', (req, res) => {
  http.get(`http://${req.params.host}/health`, (r) => r.pipe(res)); // expect: ssrf:12
});

app.get('/proxy', (req, res) => {
  const upstream = http.request({ hostname: req.query.host, path: '/api', method: 'GET' }, (r) => r.pipe(res)); // expect: ssrf:45
  upstream.end();
});

module.exports = app;
