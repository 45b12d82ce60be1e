const express = require('express');
const multer = require('multer');
const libxmljs = require('libxmljs');

const app = express();
const upload = multer({ storage: multer.memoryStorage() });
app.use(express.text({ type: 'application/xml' }));

app.post('/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: true, nonet: true }); // expect: xxe:45
  res.json({ items: doc.find('//item').length });
});

app.post('/upload', upload.single('feed'), (req, res) => {
  const xml = req.file.buffer.toString('utf8');
  const doc = libxmljs.parseXmlString(xml, { noblanks: true, noent: true }); // expect: xxe:62
  res.json({ title: doc.get('//title').text() });
});

app.post('/document', (req, res) => {
  const doc = libxmljs.Document.fromXml(req.body, { noent: true }); // expect: xxe:53
  res.send(doc.root().name());
});
