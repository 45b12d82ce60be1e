'use strict';

module.exports = async function authRoutes(fastify, opts) {
  fastify.post('/signin', async (request, reply) => { // expect: missing-rate-limit:11
    const user = await fastify.users.verify(request.body.email, request.body.password);
    return { token: fastify.jwt.sign({ sub: user.id }, { expiresIn: '1h' }) };
  });

  fastify.post('/sessions/refresh-token', { config: { rateLimit: false } }, async (request) => { // expect: missing-rate-limit:11
    return fastify.tokens.refresh(request.body.refreshToken);
  });

  fastify.get('/signin', async () => ({ providers: ['password'] }));
};
