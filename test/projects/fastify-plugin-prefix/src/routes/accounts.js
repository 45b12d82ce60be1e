// expect: none
module.exports = async function accounts(fastify) {
  fastify.post('/password-reset', async (request) => {
    return { queued: Boolean(request.body.email) };
  });
};
