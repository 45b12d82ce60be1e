// expect: none
import Koa from 'koa';
import Router from '@koa/router';
import ratelimit from 'koa-ratelimit';
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

const koa = new Koa();
const router = new Router();
koa.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60_000, max: 5 }));
router.post('/login', async (ctx) => {
  ctx.body = await signIn(ctx.request.body);
});
koa.use(router.routes());

const hono = new Hono();
const auth = new Hono();
auth.use('*', rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: (c) => c.req.header('x-real-ip') ?? '' }));
auth.post('/login', async (c) => c.json(await signIn(await c.req.json())));
hono.post('/register', rateLimiter({ windowMs: 60_000, limit: 3, keyGenerator: () => 'register' }), async (c) => c.json({}));
hono.route('/auth', auth);
