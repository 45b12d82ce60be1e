const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');
const funcster = require('funcster');
const yaml = require('js-yaml');

const app = express();
app.use(cookieParser());
app.use(express.text({ type: 'application/yaml' }));

app.get('/profile', (req, res) => {
  const profile = serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString()); // expect: insecure-deserialization:19
  res.json({ greeting: `Hello ${profile.username}` });
});

app.post('/jobs', (req, res) => {
  const job = funcster.deepDeserialize(req.body.job); // expect: insecure-deserialization:15
  res.json({ queued: job.name });
});

app.post('/config', (req, res) => {
  const config = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA }); // expect: insecure-deserialization:18
  res.json(config);
});
