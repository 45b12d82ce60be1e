const express = require('express');
const User = require('./models/user');

const app = express();

// A field set on the filter after its literal is a field of the filter.
app.post('/find', async (req, res) => {
  const filter = {};
  filter.email = req.body.email; // expect: nosql-injection:18
  res.json(await User.findOne(filter));
});
