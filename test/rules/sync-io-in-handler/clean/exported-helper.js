// expect: none
const fs = require('fs');
const express = require('express');

const app = express();
app.post('/upload', (req, res) => {
  res.json({ ok: true, size: req.body.length });
});

// Exported for a seeding script: no handler in this file calls it.
module.exports = { app, seed: () => fs.readFileSync('./seed.sql', 'utf8') };
