import Fastify from 'fastify';
import Koa from 'koa';
import Router from '@koa/router';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const fastify = Fastify();
fastify.post('/login', async (request, reply) => {
  const jwt = 'signed';
  reply.setCookie('auth', jwt, { path: '/' }); // expect: insecure-cookie:3
  return { ok: true };
});

const koa = new Koa();
const router = new Router();
router.post('/login', (ctx) => {
  ctx.cookies.set('sid', 'abc', { httpOnly: false }); // expect: insecure-cookie:3
  ctx.body = 'ok';
});
koa.use(router.routes());

const hono = new Hono();
hono.post('/login', (c) => {
  setCookie(c, 'access_token', 'abc', { path: '/', secure: true }); // expect: insecure-cookie:3
  return c.text('ok');
});
