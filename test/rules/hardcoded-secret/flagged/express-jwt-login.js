const express = require('express');
const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');

const app = express();
const TOKEN_SECRET = 'my-super-secret-key-123'; // expect: hardcoded-secret:22

app.post('/login', async (req, res) => {
  const user = await db.users.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).end();
  const token = jwt.sign({ sub: user.id }, TOKEN_SECRET, { expiresIn: '1h' });
  const refresh = jwt.sign({ sub: user.id, type: 'refresh' }, 'refresh-secret', { expiresIn: '7d' }); // expect: hardcoded-secret:63
  res.json({ token, refresh });
});

function authenticate(req, res, next) {
  const header = req.headers.authorization || '';
  try {
    req.user = jwt.verify(header.replace('Bearer ', ''), TOKEN_SECRET);
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

app.post('/refresh', (req, res) => {
  const claims = jwt.verify(req.body.refresh, process.env.REFRESH_SECRET || 'your-refresh-secret-here'); // expect: hardcoded-secret:77
  res.json({ token: jwt.sign({ sub: claims.sub }, TOKEN_SECRET, { expiresIn: '1h' }) });
});

module.exports = { app, authenticate };
