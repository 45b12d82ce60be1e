// expect: none
import Koa from 'koa';
import Router from '@koa/router';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { cookies } from 'next/headers';
import cookieSession from 'cookie-session';

const koa = new Koa();
const router = new Router();
router.post('/login', (ctx) => {
  ctx.cookies.set('sid', 'abc', { signed: true });
  ctx.body = 'ok';
});
koa.use(router.routes());

const hono = new Hono();
hono.post('/login', (c) => {
  setCookie(c, 'access_token', 'abc', { httpOnly: true, secure: true, sameSite: 'None' });
  setCookie(c, 'color-scheme', 'dark');
  return c.text('ok');
});

export async function remember() {
  (await cookies()).set('session', 'abc', { httpOnly: true, sameSite: 'lax' });
  (await cookies()).set('sidebar-collapsed', 'true');
}

export const sessions = cookieSession({ name: 'session', keys: ['k'], sameSite: 'none', secure: true });
