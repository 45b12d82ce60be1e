// fix: Add rate limit to route config
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
await app.register(rateLimit, { global: false });

app.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request) => signIn(request.body));
app.post('/register', { schema: { body: registerSchema }, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request) => register(request.body));
app.route({
  method: 'POST',
  url: '/oauth/token',
  handler: async (request) => issueToken(request.body),
  config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
});
