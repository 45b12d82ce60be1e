const express = require('express');
const fs = require('fs');
const path = require('path');
const bcrypt = require('bcrypt');
const { execSync } = require('child_process');

const app = express();

function renderTemplate(name, data) {
  const html = fs.readFileSync(path.join(__dirname, 'views', name), 'utf8'); // expect: sync-io-in-handler:16
  return html.replace(/{{(\w+)}}/g, (_, k) => data[k] ?? '');
}

app.get('/profile', (req, res) => {
  res.send(renderTemplate('profile.html', req.user));
});

app.post('/register', async (req, res) => {
  const hash = bcrypt.hashSync(req.body.password, 12); // expect: sync-io-in-handler:16
  await users.insert({ email: req.body.email, hash });
  res.status(201).end();
});

app.post('/upload', async (req, res) => {
  fs.writeFileSync(path.join('/tmp', req.file.originalname), req.file.buffer); // expect: sync-io-in-handler:3
  const info = execSync(`file --brief ${path.join('/tmp', req.file.originalname)}`).toString(); // expect: sync-io-in-handler:16
  res.json({ info });
});

module.exports = app;
