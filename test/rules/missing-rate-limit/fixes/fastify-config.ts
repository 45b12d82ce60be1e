// fix: Add rate limit to route config
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
await app.register(rateLimit, { global: false });

app.post('/login', async (request) => signIn(request.body));
app.post('/register', { schema: { body: registerSchema } }, async (request) => register(request.body));
app.route({
  method: 'POST',
  url: '/oauth/token',
  handler: async (request) => issueToken(request.body),
});
