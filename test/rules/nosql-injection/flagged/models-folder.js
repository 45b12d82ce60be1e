const router = require('express').Router();
const Product = require('../models/product');

router.get('/products', async (req, res) => {
  const { category, maxPrice } = req.query;
  const query = { category, price: { $lte: Number(maxPrice) } }; // expect: nosql-injection:19
  res.json(await Product.find(query));
});

router.post('/products/remove', async (req, res) => {
  await Product.deleteOne({
    $or: [{ sku: req.body.sku }, // expect: nosql-injection:18
      { name: req.body.name }], // expect: nosql-injection:15
  });
  res.sendStatus(204);
});

module.exports = router;
