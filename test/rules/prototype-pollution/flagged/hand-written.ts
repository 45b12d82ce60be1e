import express from 'express';

const app = express();
const store: Record<string, Record<string, unknown>> = {};

function deepMerge(target: any, source: any) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

app.post('/config', (req, res) => {
  const config = deepMerge({}, req.body); // expect: prototype-pollution:32
  res.json(config);
});

app.post('/kv/:bucket/:key', (req, res) => {
  store[req.params.bucket][req.params.key] = req.body.value; // expect: prototype-pollution:9
  res.sendStatus(204);
});

app.post('/prefs', (req, res) => {
  const { section, name, value } = req.body;
  const prefs: any = {};
  prefs[section] = prefs[section] || {};
  prefs[section][name] = value; // expect: prototype-pollution:9
  res.json(prefs);
});

export default app;
