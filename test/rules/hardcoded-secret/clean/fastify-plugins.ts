// expect: none
import Fastify, { FastifyInstance } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';

export async function authPlugin(fastify: FastifyInstance) {
  await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET!, sign: { expiresIn: '1h' } });
  await fastify.register(fastifyCookie, { secret: fastify.config.COOKIE_SECRET, parseOptions: {} });
  await fastify.register(fastifyStatic, { root: '/srv/public', prefix: '/public/' });
}

const app = Fastify();
app.register(require('@fastify/session'), { secret: readFileSync('/run/secrets/session', 'utf8'), cookieName: 'sid' });
