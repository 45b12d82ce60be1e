const express = require('express');
const asyncHandler = require('express-async-handler');
const Comment = require('../db/Comment');
const cache = require('../lib/cache');

const router = express.Router();

router.get('/', asyncHandler(async (req, res) => {
  res.json(await Comment.find({})); // expect: unbounded-query:18
}));

router.post('/by-author', asyncHandler(async (req, res) => {
  res.json(await Comment.findOne({ author: req.body.author })); // expect: nosql-injection:44
}));

router.post('/authors', asyncHandler(async (req, res) => {
  const out = [];
  for (const id of req.body.ids) {
    out.push(await Comment.findOne({ _id: String(id) })); // expect: n-plus-one-query:20
  }
  res.json(out);
}));

// The look-alikes: a page of comments, a filter value made a string, one query for the set, a store that is no model.
router.get('/page', asyncHandler(async (req, res) => {
  res.json(await Comment.find({ post: String(req.query.post) }).limit(20));
}));

router.post('/safe-author', asyncHandler(async (req, res) => {
  res.json(await Comment.findOne({ author: String(req.body.author) }));
}));

router.post('/many', asyncHandler(async (req, res) => {
  res.json(await Comment.find({ _id: { $in: req.body.ids.map(String) } }).limit(100));
}));

router.post('/cached', asyncHandler(async (req, res) => {
  const hits = [];
  for (const key of req.body.keys) hits.push(cache.findOne({ key }));
  res.json({ all: cache.find({}), one: cache.findOne({ author: req.body.author }), hits });
}));

module.exports = router;
