const express = require('express');
const jwt = require('jsonwebtoken');
const User = require('./models/user');

const app = express();

function authenticate(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.sendStatus(401);
  req.user = jwt.decode(token); // expect: jwt-unverified:14
  next();
}

app.get('/me', async (req, res) => {
  const decoded = jwt.decode(req.cookies.token); // expect: jwt-unverified:19
  const user = await User.findById(decoded.id);
  res.json(user);
});

app.delete('/admin/users/:id', (req, res) => {
  const claims = jwt.decode(req.get('x-token')); // expect: jwt-unverified:18
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});

app.get('/session', (req, res) => {
  const payload = jwt.verify(req.cookies.session, process.env.JWT_SECRET, { ignoreExpiration: true }); // expect: jwt-unverified:77
  res.json(payload);
});

app.get('/legacy', (req, res) => {
  const payload = jwt.verify(req.query.t, process.env.JWT_SECRET, { algorithms: ['HS256', 'none'] }); // expect: jwt-unverified:91
  res.json(payload);
});

module.exports = { app, authenticate };

app.post('/token/refresh', (req, res) => {
  const previous = jwt.decode(req.cookies.refresh); // expect: jwt-unverified:20
  res.json({ token: jwt.sign({ sub: previous.sub }, process.env.JWT_SECRET, { expiresIn: '15m' }) });
});
