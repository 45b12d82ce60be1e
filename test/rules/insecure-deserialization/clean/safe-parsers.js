// expect: none
const express = require('express');
const fs = require('node:fs');
const yaml = require('js-yaml');
const YAML = require('yaml');
const serialize = require('node-serialize');
const funcster = require('funcster');

const app = express();

app.post('/state', (req, res) => {
  res.json(JSON.parse(req.body.state));
});

app.post('/config', (req, res) => {
  res.json(yaml.load(req.body));
});

app.post('/config/json', (req, res) => {
  res.json(yaml.load(req.body, { schema: yaml.JSON_SCHEMA }));
});

app.post('/config/yaml', (req, res) => {
  res.json(YAML.parse(req.body));
});

app.get('/defaults', (req, res) => {
  const defaults = serialize.unserialize(fs.readFileSync('./defaults.dat', 'utf8'));
  res.json(defaults);
});

app.get('/job', (req, res) => {
  res.json(funcster.deepSerialize({ run: () => 1 }));
});

app.get('/constant', (req, res) => {
  res.json(serialize.unserialize('{"a":1}'));
});
