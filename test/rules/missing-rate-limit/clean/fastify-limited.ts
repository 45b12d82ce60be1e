// expect: none
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
const admin = Fastify();

await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });

app.post('/login', async (request) => signIn(request.body));
app.route({ method: 'POST', url: '/auth/refresh', handler: async (request) => refresh(request.body) });

await admin.register(rateLimit, { global: false });
admin.post('/admin/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request) => signIn(request.body));
admin.route({
  method: 'POST',
  url: '/admin/otp',
  config: { rateLimit: { max: 3, timeWindow: '5 minutes' } },
  handler: async (request) => verifyOtp(request.body),
});
