const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ username: String, password: String }));
const app = express();
app.use(express.json());

// The training-app login: `{"username": "admin", "password": {"$ne": null}}` logs in as admin.
app.post('/login', async (req, res) => {
  const user = await User.findOne({
    username: req.body.username, // expect: nosql-injection:15
    password: req.body.password, // expect: nosql-injection:15
  });
  if (!user) return res.sendStatus(401);
  res.json({ id: user.id });
});

app.get('/users', async (req, res) => {
  res.json(await User.find(req.query)); // expect: nosql-injection:28
});

app.post('/reset', async (req, res) => {
  const { email, token } = req.body;
  const user = await User.findOneAndUpdate(
    { email, // expect: nosql-injection:7
      resetToken: token }, // expect: nosql-injection:19
    { resetToken: null },
  );
  res.json({ ok: !!user });
});

app.get('/search', async (req, res) => {
  const results = await User.find({ $where: `this.username.startsWith('${req.query.prefix}')` }); // expect: nosql-injection:45
  res.json(results);
});
