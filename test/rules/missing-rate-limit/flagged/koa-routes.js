const Koa = require('koa');
const Router = require('@koa/router');
const LegacyRouter = require('koa-router');
const ratelimit = require('koa-ratelimit');

const app = new Koa();
const auth = new Router({ prefix: '/auth' });
const api = new LegacyRouter();
const uploads = new Router();

uploads.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60000, max: 10 }));

auth.post('/login', async (ctx) => { // expect: missing-rate-limit:6
  ctx.body = await ctx.state.auth.login(ctx.request.body);
});

api.post('/password-reset', async (ctx) => { // expect: missing-rate-limit:5
  ctx.body = await ctx.state.auth.sendReset(ctx.request.body.email);
});

app.use(auth.routes()).use(api.routes()).use(uploads.routes());
