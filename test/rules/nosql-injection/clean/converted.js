// expect: none
const express = require('express');
const mongoose = require('mongoose');
const mongoSanitize = require('mongo-sanitize');
const { z } = require('zod');

const User = mongoose.model('User', new mongoose.Schema({ username: String }));
const app = express();

app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: String(req.body.username) });
  res.json({ found: !!user });
});

app.post('/login-eq', async (req, res) => {
  const user = await User.findOne({ username: { $eq: req.body.username } });
  res.json({ found: !!user });
});

app.get('/users/:id', async (req, res) => {
  res.json(await User.findOne({ _id: req.params.id }));
});

app.post('/clean', async (req, res) => {
  res.json(await User.find({ username: mongoSanitize(req.body.username) }));
});

const Login = z.object({ username: z.string(), password: z.string() });
app.post('/login-zod', async (req, res) => {
  const { username } = Login.parse(req.body);
  res.json(await User.findOne({ username }));
});

app.post('/typed', async (req, res) => {
  const { email } = req.body;
  if (typeof email !== 'string') return res.status(400).end();
  res.json(await User.findOne({ email }));
});

app.get('/search', async (req, res) => {
  const name = `${req.query.name}`.trim();
  res.json(await User.find({ username: name.toLowerCase(), active: true }));
});
