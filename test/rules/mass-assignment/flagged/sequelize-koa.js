const Router = require('@koa/router');
const { Member } = require('./models');

const router = new Router();

router.post('/members', async (ctx) => {
  ctx.body = await Member.create(ctx.request.body); // expect: mass-assignment:34
});

router.put('/members/:id', async (ctx) => {
  await Member.update(ctx.request.body, { where: { id: ctx.params.id } }); // expect: mass-assignment:23
  ctx.status = 204;
});

module.exports = router;
