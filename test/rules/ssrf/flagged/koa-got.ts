import Koa from 'koa';
import Router from '@koa/router';
import got from 'got';
import { request } from 'undici';
import fetch from 'node-fetch';

const router = new Router();

router.get('/avatar', async (ctx) => {
  ctx.body = await got(ctx.query.src as string).buffer(); // expect: ssrf:24
});

router.post('/import', async (ctx) => {
  const { source } = ctx.request.body as { source: string };
  const { body } = await request('https://' + source + '/export.json'); // expect: ssrf:34
  ctx.body = await body.json();
});

router.get('/mirror', async (ctx) => {
  const res = await fetch(`${ctx.query.origin}/feed.xml`); // expect: ssrf:27
  ctx.body = await res.text();
});

new Koa().use(router.routes()).listen(3000);
