const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();

const app = new Koa();
const router = new Router();

router.get('/search', (ctx) => {
  const term = ctx.query.term;
  ctx.body = ctx.state.items.filter((item) => new RegExp(term).test(item.name)); // expect: regex-injection:58
});

fastify.get('/logs', async (request, reply) => {
  const filter = RegExp(request.query.filter, 'g'); // expect: regex-injection:25
  return reply.send(readLines().filter((line) => filter.test(line)));
});

function readLines() {
  return [];
}

app.use(router.routes());
