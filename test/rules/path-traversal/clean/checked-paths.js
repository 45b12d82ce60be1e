// expect: none
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const UPLOADS = path.resolve(__dirname, 'uploads');

app.get('/files', (req, res) => {
  const target = path.resolve(UPLOADS, req.query.name);
  if (!target.startsWith(UPLOADS + path.sep)) return res.sendStatus(403);
  res.sendFile(target);
});

app.get('/download/:file', (req, res) => {
  res.download(path.join(UPLOADS, path.basename(req.params.file)));
});

app.get('/static', (req, res) => {
  res.sendFile(req.query.name, { root: UPLOADS });
});

app.get('/docs', (req, res) => {
  const full = path.join(UPLOADS, req.query.doc);
  const rel = path.relative(UPLOADS, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return res.status(400).send('bad path');
  }
  fs.createReadStream(full).pipe(res);
});

const THEMES = { light: 'light.css', dark: 'dark.css' };
app.get('/theme', (req, res) => {
  const file = THEMES[req.query.theme];
  if (!file) return res.sendStatus(404);
  res.sendFile(path.join(__dirname, 'themes', file));
});

app.get('/avatar/:id', (req, res) => {
  const id = req.params.id;
  if (!/^[0-9a-f]{24}$/.test(id)) return res.sendStatus(400);
  fs.createReadStream(path.join(UPLOADS, 'avatars', `${id}.png`)).pipe(res);
});

app.post('/rename', (req, res) => {
  const name = req.body.name.replace(/[^a-zA-Z0-9_.-]/g, '_');
  fs.renameSync(path.join(UPLOADS, 'tmp'), path.join(UPLOADS, name));
  res.sendStatus(204);
});

// The member path tested is the one used: an allow-list, an anchored pattern.
const TEMPLATES = ['invoice.html', 'receipt.html'];
app.get('/template', (req, res) => {
  if (!TEMPLATES.includes(req.query.name)) return res.sendStatus(404);
  res.sendFile(path.join(__dirname, 'templates', req.query.name));
});
app.get('/avatar', (req, res) => {
  if (/^[a-z0-9]+\.png$/.test(req.params.file)) fs.createReadStream(path.join(UPLOADS, req.params.file)).pipe(res);
});
