// expect: none
const express = require('express');
const pino = require('pino');
const db = require('./db');

const app = express();
const logger = pino({ redact: ['req.headers.authorization', 'password', '*.token'] });

app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  console.log('Login attempt for', email);
  const user = await db.users.verify(email, password);
  console.log(`user ${user.id} logged in from ${req.ip}`);
  logger.info({ body: req.body, headers: req.headers }, 'login');
  res.json({ ok: true });
});

app.post('/orders', async (req, res) => {
  console.log('new order', req.body);
  console.log('user agent', req.headers['user-agent'], req.get('content-type'));
  res.status(201).json(await db.orders.create(req.body));
});

function describeToken(token) {
  console.log('token ends with', token.slice(-4), 'length', token.length);
  console.log('has token:', Boolean(token), typeof token);
  console.log({ tokenType: 'Bearer', expiresIn: 3600, tokenCount: 3 });
}

console.log('password policy: at least', 12, 'characters');
console.log({ password: '********' });

module.exports = { app, describeToken };
