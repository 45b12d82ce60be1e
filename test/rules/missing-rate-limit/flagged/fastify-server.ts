import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const fastify = Fastify({ logger: true });

await fastify.register(rateLimit, { global: false, max: 100, timeWindow: '1 minute' });

fastify.post('/login', { schema: { body: { type: 'object' } } }, async (request, reply) => { // expect: missing-rate-limit:9
  return { token: await signIn(request.body) };
});

fastify.post('/auth/otp/verify', async (request) => verifyCode(request.body)); // expect: missing-rate-limit:9

fastify.route({ // expect: missing-rate-limit:9
  method: ['GET', 'POST'],
  url: '/oauth/token',
  handler: async (request) => issueToken(request.body),
});

fastify.post('/register', { config: { rateLimit: { max: 3, timeWindow: '1 hour' } } }, async (request) => register(request.body));

export default fastify;
