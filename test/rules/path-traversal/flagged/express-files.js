const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

// The "download your file" endpoint of the classic training apps.
app.get('/files', (req, res) => {
  res.sendFile(path.join(UPLOADS, req.query.name)); // expect: path-traversal:16
});

app.get('/download/:file', (req, res) => {
  res.download(`${UPLOADS}/${req.params.file}`); // expect: path-traversal:16
});

app.get('/logs', (req, res) => {
  const { day = 'today' } = req.query;
  fs.createReadStream(path.resolve('/var/log/app', day + '.log')).pipe(res); // expect: path-traversal:23
});

app.delete('/avatars', (req, res) => {
  fs.unlinkSync(path.join(__dirname, 'public', req.body.avatar)); // expect: path-traversal:17
  res.sendStatus(204);
});

app.post('/notes', (req, res) => {
  const { title, text } = req.body;
  fs.writeFile(`notes/${title}.txt`, text, () => res.sendStatus(201)); // expect: path-traversal:16
});

// A prefix check on the raw name is no check: `uploads/../../etc/passwd` passes it.
app.get('/raw', (req, res) => {
  const name = req.query.f;
  if (!name.startsWith('uploads')) return res.sendStatus(403);
  res.sendFile(path.join(__dirname, name)); // expect: path-traversal:16
});

// Stripping "../" once is bypassed by "....//".
app.get('/doc', (req, res) => {
  const safe = req.query.doc.replace(/\.\.\//g, '');
  fs.readFile(path.join(__dirname, 'docs', safe), 'utf8', (e, t) => res.send(t)); // expect: path-traversal:15
});

// Tests that do not confine the member they look at: a prefix of the unresolved text, a blacklist of `..`.
app.get('/prefixed', (req, res) => {
  if (!req.query.file.startsWith(UPLOADS)) return res.sendStatus(403);
  res.sendFile(req.query.file); // expect: path-traversal:16
});
app.get('/no-dots', (req, res) => {
  if (req.query.file.includes('..')) return res.sendStatus(400);
  fs.readFile(req.query.file, (err, data) => res.send(data)); // expect: path-traversal:15
});
