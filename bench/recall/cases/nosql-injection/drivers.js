const express = require('express');
const { MongoClient } = require('mongodb');
const User = require('./models/user');

const app = express();
const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');

app.post('/login', async (req, res) => {
  const user = await users.findOne({ name: req.body.name, password: req.body.password }); // fault: nosql-injection
  res.json(user);
});

app.get('/search', async (req, res) => {
  const filter = JSON.parse(req.query.filter);
  res.json(await User.find(filter)); // fault: nosql-injection
});

app.post('/where', async (req, res) => {
  res.json(await User.find({ $where: 'this.name == "' + req.body.name + '"' })); // fault: nosql-injection
});

app.post('/update', async (req, res) => {
  await User.updateOne({ _id: req.body.id }, { $set: { bio: req.body.bio } }); // fault: nosql-injection
  res.end();
});

app.post('/delete', async (req, res) => {
  const { id } = req.body;
  await users.deleteMany({ owner: id }); // fault: nosql-injection
  res.end();
});

app.post('/built', async (req, res) => {
  const query = {};
  query.email = req.body.email; // fault: nosql-injection
  res.json(await User.findOne(query));
});

app.post('/safe', async (req, res) => {
  res.json(await User.findOne({ email: String(req.body.email) })); // safe: nosql-injection
});

app.get('/params', async (req, res) => {
  res.json(await User.findById(req.params.id)); // safe: nosql-injection
});
