// expect: none
const express = require('express');
const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');
const User = require('./models/user');

const app = express();
const jwks = jwksClient({ jwksUri: 'https://auth.example.com/.well-known/jwks.json' });

function authenticate(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

app.get('/me', async (req, res) => {
  const decoded = jwt.decode(req.cookies.token, { complete: true });
  const key = await jwks.getSigningKey(decoded.header.kid);
  const claims = jwt.verify(req.cookies.token, key.getPublicKey());
  res.json(await User.findById(claims.sub));
});

app.get('/kid', (req, res) => {
  const kid = jwt.decode(req.query.t, { complete: true }).header.kid;
  res.json({ kid });
});

app.get('/token-info', (req, res) => {
  const decoded = jwt.decode(req.query.t);
  res.json({ expiresAt: new Date(decoded.exp * 1000).toISOString() });
});

module.exports = { app, authenticate };
