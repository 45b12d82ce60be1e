const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();

app.post('/login', async (req, res) => {
  const user = await findUser(req.body.email);
  res.json({ token: jwt.sign({ userId: user.id }, process.env.JWT_SECRET) }); // expect: jwt-missing-expiry:21
});

function refresh(user, cb) {
  jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, (err, token) => cb(err, token)); // expect: jwt-missing-expiry:3
}

function withAlgorithm(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256' }); // expect: jwt-missing-expiry:10
}

const signOptions = { algorithm: 'HS512', issuer: 'api' };
function withSharedOptions(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, signOptions); // expect: jwt-missing-expiry:10
}

module.exports = { app, refresh, withAlgorithm, withSharedOptions };
