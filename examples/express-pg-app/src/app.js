const express = require('express');
const jwt = require('jsonwebtoken');
const { pool } = require('./db');
const users = require('./routes/users');

const app = express();
app.use(express.json());
app.use('/users', users);

// The login route an assistant writes first: five faults in seven lines.
app.post('/login', async (req, res) => { // expect: missing-rate-limit:5
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`); // expect: sql-injection:37
  const user = rows[0];
  if (user && user.password === req.body.password) { // expect: plaintext-password:15
    res.json({ token: jwt.sign({ userId: user.id }, 'dev-secret-123') }); // expect: jwt-missing-expiry:23, hardcoded-secret:53
  } else res.status(401).json({ error: 'Invalid credentials' });
});

app.get('/health', async (req, res) => {
  // A constant query: nothing to inject.
  await pool.query('SELECT 1');
  res.json({ ok: true });
});

module.exports = app;
