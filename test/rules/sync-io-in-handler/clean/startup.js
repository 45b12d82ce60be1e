// expect: none
const express = require('express');
const fs = require('fs');
const https = require('https');
const { execSync } = require('child_process');

// Module top level and startup run once, before any request is served.
const config = JSON.parse(fs.readFileSync('./config.json', 'utf8'));
const version = execSync('git rev-parse --short HEAD').toString().trim();

function loadCertificates() {
  return { key: fs.readFileSync(config.keyPath), cert: fs.readFileSync(config.certPath) };
}

const app = express();
const template = fs.readFileSync('./views/index.html', 'utf8');

app.get('/', (req, res) => res.send(template.replace('{{version}}', version)));

app.get('/file', async (req, res) => {
  const text = await fs.promises.readFile('./public/notes.txt', 'utf8');
  res.send(text);
});

https.createServer(loadCertificates(), app).listen(443);
