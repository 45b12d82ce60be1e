import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, { secret: process.env.SESSION_SECRET!, cookie: { secure: true } }); // expect: missing-csrf:1

app.put('/profile', async (request, reply) => {
  await saveProfile(request.session.get('userId'), request.body);
  return reply.send({ ok: true });
});

async function saveProfile(userId: string, body: unknown) {
  return { userId, body };
}
