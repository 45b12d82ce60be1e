// fix: Load with js-yaml's safeLoad
const express = require('express');
const yaml = require('js-yaml');

const app = express();

app.post('/config', (req, res) => {
  res.json(yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA }));
});
