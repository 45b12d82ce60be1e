// expect: none
const express = require('express');
const _ = require('lodash');

const app = express();
const defaults = { theme: 'light', notifications: { email: true } };

app.put('/settings', (req, res) => {
  const { theme, notifications } = req.body;
  const settings = _.merge({}, defaults, { theme: String(theme), notifications: { email: Boolean(notifications?.email) } });
  res.json(settings);
});

app.put('/settings/shallow', (req, res) => {
  res.json({ ...defaults, ..._.pick(req.body, ['theme', 'language']) });
});

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof source[key] === 'object' && source[key] !== null) {
      target[key] = deepMerge(target[key] || {}, source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

app.post('/config', (req, res) => {
  res.json(deepMerge({}, req.body));
});

const merged = _.merge({}, defaults, { theme: 'dark' });
_.set(merged, 'notifications.sms', false);

module.exports = { app, merged };
