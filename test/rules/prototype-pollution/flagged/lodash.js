const express = require('express');
const _ = require('lodash');
const db = require('./db');

const app = express();
app.use(express.json());

const defaults = { theme: 'light', notifications: { email: true } };

app.put('/settings', async (req, res) => {
  const settings = _.merge({}, defaults, req.body); // expect: prototype-pollution:42
  await db.settings.save(req.user.id, settings);
  res.json(settings);
});

app.patch('/profile/field', async (req, res) => {
  const profile = await db.profiles.get(req.user.id);
  _.set(profile, req.body.path, req.body.value); // expect: prototype-pollution:18
  await db.profiles.save(profile);
  res.json(profile);
});

app.post('/import', (req, res) => {
  const config = _.defaultsDeep({}, JSON.parse(req.body.config), defaults); // expect: prototype-pollution:37
  res.json(config);
});

module.exports = app;
