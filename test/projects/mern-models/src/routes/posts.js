const express = require('express');
const asyncHandler = require('express-async-handler');
const Post = require('../models/Post');

const router = express.Router();

// A model from a `models` folder was recognised without the project too; it still is.
router.post('/search', asyncHandler(async (req, res) => {
  res.json(await Post.findOne({ title: req.body.title })); // expect: nosql-injection:40
}));

router.get('/', asyncHandler(async (req, res) => {
  res.json(await Post.find({ author: String(req.query.author) }).limit(50));
}));

module.exports = router;
