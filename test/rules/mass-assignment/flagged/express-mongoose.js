const express = require('express');
const User = require('../models/User');
const Post = require('../models/Post');

const router = express.Router();

router.post('/users', async (req, res) => {
  const user = await User.create(req.body); // expect: mass-assignment:34
  res.status(201).json(user);
});

router.put('/users/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, req.body, { new: true }); // expect: mass-assignment:60
  res.json(user);
});

router.post('/posts', async (req, res) => {
  const post = new Post(req.body); // expect: mass-assignment:25
  await post.save();
  res.status(201).json(post);
});

router.patch('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  Object.assign(post, req.body); // expect: mass-assignment:23
  await post.save();
  res.json(post);
});

module.exports = router;
