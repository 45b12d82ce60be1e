// fix: Use await fs.promises.readFile
const express = require('express');
const fs = require('fs');

const app = express();

app.get('/notes', async (req, res) => {
  const notes = JSON.parse(fs.readFileSync('./notes.json', 'utf8'));
  const raw = fs.readFileSync('./notes.json').toString('base64');
  res.json({ notes, raw });
});

module.exports = app;
