// expect: none
const express = require('express');
const fs = require('node:fs');
const libxmljs = require('libxmljs');
const xml2js = require('xml2js');
const { XMLParser } = require('fast-xml-parser');
const { DOMParser } = require('@xmldom/xmldom');

const app = express();

app.post('/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body);
  res.json({ items: doc.find('//item').length });
});

app.post('/import/strict', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ items: doc.find('//item').length });
});

app.post('/xml2js', async (req, res) => {
  res.json(await xml2js.parseStringPromise(req.body));
});

app.post('/fast', (req, res) => {
  res.json(new XMLParser({ processEntities: true }).parse(req.body));
});

app.post('/dom', (req, res) => {
  const doc = new DOMParser().parseFromString(req.body, 'text/xml');
  res.send(doc.documentElement.nodeName);
});

app.get('/bundled', (req, res) => {
  const doc = libxmljs.parseXml(fs.readFileSync('./catalog.xml', 'utf8'), { noent: true });
  res.json({ items: doc.find('//item').length });
});
