// expect: none
const express = require('express');
const axios = require('axios');
const Order = require('./models/Order');

const app = express();
const cache = new Map();

app.post('/forward', async (req, res) => {
  const r = await axios.post('https://partner.example.com/orders', req.body);
  res.json(r.data);
});

app.post('/drafts', (req, res) => {
  cache.set(req.ip, { ...req.body });
  res.sendStatus(204);
});

app.get('/orders', async (req, res) => {
  res.json(await Order.find(req.query.filter ? { status: String(req.query.filter) } : {}));
});

module.exports = app;
