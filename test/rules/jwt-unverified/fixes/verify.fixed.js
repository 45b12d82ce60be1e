// fix: Verify the token instead of decoding it
const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();
const JWT_SECRET = process.env.JWT_SECRET;

app.post('/login', (req, res) => {
  res.json({ token: jwt.sign({ sub: req.body.id }, JWT_SECRET, { expiresIn: '1h' }) });
});

function authenticate(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  req.user = jwt.verify(token, JWT_SECRET);
  next();
}

module.exports = { app, authenticate };
