// expect: none
import express from 'express';
import axios from 'axios';
import { NextRequest, NextResponse } from 'next/server';

const app = express();
const ALLOWED_HOSTS = new Set(['images.example.com', 'cdn.example.com']);
const FEEDS = ['https://blog.example.com/rss', 'https://news.example.com/rss'];

app.get('/image', async (req, res) => {
  const url = new URL(String(req.query.src));
  if (!ALLOWED_HOSTS.has(url.hostname)) return res.status(400).send('host not allowed');
  const r = await axios.get(url.href, { responseType: 'arraybuffer' });
  res.send(r.data);
});

app.get('/feed', async (req, res) => {
  const feed = req.query.feed as string;
  if (!FEEDS.includes(feed)) return res.sendStatus(400);
  const r = await fetch(feed);
  res.send(await r.text());
});

app.post('/hook', async (req, res) => {
  const target = new URL(req.body.url);
  await assertPublicHost(target);
  await fetch(target, { method: 'POST' });
  res.sendStatus(204);
});

export async function GET(request: NextRequest) {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  const r = await api.get(`/items/${request.nextUrl.searchParams.get('id')}`);
  return NextResponse.json(r.data);
}

declare function assertPublicHost(url: URL): Promise<void>;

app.get('/docs-proxy', async (req, res) => {
  const { page } = req.query as { page: string };
  if (!page.startsWith('https://docs.example.com/')) return res.sendStatus(400);
  res.send(await (await fetch(page)).text());
});
