// expect: none
const express = require('express');
const User = require('../models/User');
const Post = require('../models/Post');

const router = express.Router();

router.post('/users', async (req, res) => {
  const { name, email, password } = req.body;
  const user = await User.create({ name, email, password });
  res.status(201).json(user);
});

router.put('/users/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, { name: req.body.name, bio: req.body.bio }, { new: true });
  res.json(user);
});

router.patch('/posts/:id', async (req, res) => {
  const { author, ...changes } = req.body;
  const post = await Post.findByIdAndUpdate(req.params.id, changes);
  res.json(post);
});

router.post('/posts', async (req, res) => {
  const post = new Post({ title: req.body.title, body: req.body.body, author: req.user.id });
  await post.save();
  res.json(post);
});

module.exports = router;
