// expect: none
const express = require('express');
const Order = require('./models/Order');

const app = express();

app.get('/orders/:id', async (req, res) => {
  res.json(await Order.findById(req.params.id));
});

app.delete('/orders/:id', async (req, res) => {
  await Order.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});

module.exports = app;
