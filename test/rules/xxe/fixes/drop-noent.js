// fix: Drop noent
const express = require('express');
const libxmljs = require('libxmljs');

const app = express();

app.post('/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: true, nonet: true });
  const other = libxmljs.parseXml(req.body, { nonet: true, noent: true });
  const only = libxmljs.parseXml(req.body, { noent: true });
  res.json({ items: doc.find('//item').length + other.find('//item').length + only.find('//item').length });
});
