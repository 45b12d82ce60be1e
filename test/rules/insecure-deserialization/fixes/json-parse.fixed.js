// fix: Parse with JSON.parse
const express = require('express');
const serialize = require('node-serialize');

const app = express();

app.get('/profile', (req, res) => {
  const profile = JSON.parse(Buffer.from(req.cookies.profile, 'base64').toString());
  res.json({ greeting: `Hello ${profile.username}` });
});
