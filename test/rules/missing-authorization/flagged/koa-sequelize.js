const Router = require('@koa/router');
const jwt = require('koa-jwt');
const { Address } = require('./models');

const router = new Router();
router.use(jwt({ secret: process.env.JWT_SECRET }));

router.put('/addresses/:id', async (ctx) => {
  await Address.update(ctx.request.body.address, { where: { id: ctx.params.id } }); // expect: missing-authorization:9
  ctx.status = 204;
});

router.get('/addresses/:id', async (ctx) => {
  ctx.body = await Address.findByPk(ctx.params.id); // expect: missing-authorization:20
});

module.exports = router;
