module.exports = async function auth(fastify) {
  fastify.post('/login', async (request) => { // expect: missing-rate-limit:11
    return { ok: Boolean(request.body.password) };
  });
};
