// fix: Write only the fields this handler names
const express = require('express');
const Product = require('../models/Product');

const router = express.Router();

router.post('/products', async (req, res) => {
  if (!req.body.name || !req.body.price) return res.status(400).send('name and price are required');
  const product = await Product.create({ name: req.body.name, price: req.body.price });
  res.status(201).json(product);
});

module.exports = router;
