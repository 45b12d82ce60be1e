const express = require('express');
const bcrypt = require('bcrypt');
const jwt = require('jsonwebtoken');
const db = require('./db');

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  console.log('Login attempt:', req.body); // expect: sensitive-data-logging:33
  const { email, password } = req.body;
  console.log(`Checking ${email} with password ${password}`); // expect: sensitive-data-logging:50
  const user = await db.users.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) return res.status(401).end();
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  console.log('issued token', token, 'for', user.id); // expect: sensitive-data-logging:31
  res.json({ token });
});

app.use((req, res, next) => {
  console.debug('headers', req.headers); // expect: sensitive-data-logging:28
  console.info('auth header:', req.headers.authorization); // expect: sensitive-data-logging:32
  next();
});

app.get('/me', (req, res) => {
  console.log('cookie', req.get('Cookie')); // expect: sensitive-data-logging:25
  res.json({});
});

console.log('JWT secret is', process.env.JWT_SECRET); // expect: sensitive-data-logging:30

module.exports = app;
