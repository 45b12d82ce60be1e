// fix: Use await fs.promises.readFile
const express = require('express');
const fs = require('fs');

const app = express();

app.get('/notes', async (req, res) => {
  const notes = JSON.parse(await fs.promises.readFile('./notes.json', 'utf8'));
  const raw = (await fs.promises.readFile('./notes.json')).toString('base64');
  res.json({ notes, raw });
});

module.exports = app;
