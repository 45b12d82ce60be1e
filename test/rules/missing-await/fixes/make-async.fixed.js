// fix: Make the callback async and await the promise
const express = require('express');
const bcrypt = require('bcrypt');

const app = express();

app.post('/check', async (req, res) => {
  if (await bcrypt.compare(req.body.password, req.user.passwordHash)) return res.json({ ok: true });
  res.status(401).end();
});
