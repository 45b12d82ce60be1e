// expect: none
import { Hono } from 'hono';
import got from 'got';
import https from 'node:https';

const app = new Hono();
const config = { statusPage: process.env.STATUS_URL ?? 'https://status.example.com' };

app.get('/status', async (c) => {
  const page = await got(config.statusPage).text();
  return c.text(page);
});

app.get('/repos/:owner', async (c) => {
  const owner = c.req.param('owner');
  const data = await got(`https://api.github.com/users/${owner}/repos`).json();
  return c.json(data);
});

app.get('/ping', (c) => {
  https.get({ hostname: 'internal.example.com', path: `/ping?from=${c.req.query('from')}` });
  return c.text('ok');
});

export function download(url: string) {
  return fetch(url);
}

export default app;
