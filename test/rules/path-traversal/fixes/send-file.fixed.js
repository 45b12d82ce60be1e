// fix: Reject paths outside the base directory
const express = require('express');
const path = require('path');

const app = express();

app.get('/files', (req, res) => {
  const safePath = path.resolve(__dirname, 'uploads', req.query.name);
  if (!safePath.startsWith(path.resolve(__dirname, 'uploads') + path.sep)) throw new Error('Path outside the allowed directory');
  res.sendFile(safePath);
});
