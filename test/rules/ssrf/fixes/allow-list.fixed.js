// fix: Check the host against an allow-list
const express = require('express');
const axios = require('axios');

const app = express();

app.get('/preview', async (req, res) => {
  const page = await axios.get(allowedUrl(req.query.url));
  res.send(page.data);
});

app.get('/raw', async (req, res) => {
  const r = await fetch(allowedUrl(req.query.url));
  res.send(await r.text());
});

module.exports = app;

/** Hosts this server may send requests to, from the environment: `ALLOWED_OUTBOUND_HOSTS=api.example.com,cdn.example.com`. */
const ALLOWED_OUTBOUND_HOSTS = new Set((process.env.ALLOWED_OUTBOUND_HOSTS ?? '').split(',').filter(Boolean));

function allowedUrl(url) {
  const parsed = new URL(url);
  if (!ALLOWED_OUTBOUND_HOSTS.has(parsed.hostname)) throw new Error(`Requests to ${parsed.hostname} are not allowed`);
  return parsed.href;
}
