// expect: none
import express from 'express';

const app = express();
const buckets = new Map<string, Map<string, unknown>>();
const ALLOWED_SECTIONS = ['display', 'privacy'];

app.post('/kv/:bucket/:key', (req, res) => {
  const bucket = buckets.get(req.params.bucket) ?? new Map();
  bucket.set(req.params.key, req.body.value);
  buckets.set(req.params.bucket, bucket);
  res.sendStatus(204);
});

app.post('/prefs', (req, res) => {
  const { section, name, value } = req.body;
  if (!ALLOWED_SECTIONS.includes(section)) return res.status(400).end();
  const prefs: Record<string, Record<string, unknown>> = { display: {}, privacy: {} };
  prefs[section][name] = value;
  res.json(prefs);
});

const matrix: number[][] = [[0, 0], [0, 0]];
export function setCell(i: number, j: number, v: number) {
  matrix[i][j] = v;
}

export default app;
