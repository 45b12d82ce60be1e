const express = require('express');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');

const User = mongoose.model('User');
const client = new MongoClient(process.env.MONGO_URL);
const router = express.Router();

router.get('/users', async (req, res) => {
  const users = await User.find({ name: { $regex: req.query.q, $options: 'i' } }); // expect: regex-injection:51
  res.json(users);
});

router.post('/articles/search', async (req, res) => {
  const { search } = req.body;
  const articles = await client.db().collection('articles').find({ title: { $regex: search } }).toArray(); // expect: regex-injection:85
  res.json(articles);
});

router.get('/tags', async (req, res) => {
  const tags = await client.db().collection('tags').aggregate([
    { $match: { $expr: { $regexMatch: { input: '$label', regex: req.query.prefix } } } }, // expect: regex-injection:65
  ]).toArray();
  res.json(tags);
});

router.get('/files', (req, res) => {
  const pattern = new RegExp(req.query.pattern, 'i'); // expect: regex-injection:30
  res.json(listFiles().filter((f) => pattern.test(f)));
});

router.get('/routes/:prefix', (req, res) => {
  const matcher = new RegExp(`^${req.params.prefix}/`); // expect: regex-injection:30
  res.json(listRoutes().filter((r) => matcher.test(r)));
});

function listFiles() {
  return ['a.txt', 'b.txt'];
}

function listRoutes() {
  return ['/a/b'];
}
