// Request text as a $regex pattern: the risk is the pattern itself (ReDoS, match-all), whatever its type.
const express = require('express');
const Product = require('../models/productModel');

const router = express.Router();

router.get('/search', async (req, res) => {
  const name = req.query.name || '';
  const category = req.query.category || '';
  const nameFilter = name ? { name: { $regex: name, $options: 'i' } } : {}; // expect: nosql-injection:47
  const categoryFilter = category ? { category } : {}; // expect: nosql-injection:39
  const count = await Product.countDocuments({ ...nameFilter, ...categoryFilter });
  const products = await Product.find({ ...nameFilter, ...categoryFilter });
  res.send({ count, products });
});

router.get('/exact', async (req, res) => {
  const products = await Product.find({ name: { $regex: req.query.q } }); // expect: nosql-injection:57
  res.send(products);
});

module.exports = router;
