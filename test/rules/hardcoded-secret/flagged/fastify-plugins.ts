import Fastify, { FastifyInstance } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import speakeasy from 'speakeasy';

export async function authPlugin(fastify: FastifyInstance) {
  await fastify.register(fastifyJwt, { secret: 'supersecret' }); // expect: hardcoded-secret:48
  await fastify.register(fastifyCookie, { secret: process.env.COOKIE_SECRET ?? 'my-cookie-secret' }); // expect: hardcoded-secret:80
}

const app = Fastify();
app.register(require('@fastify/session'), { secret: 'a secret with minimum length of 32 characters' }); // expect: hardcoded-secret:53

const totp = { secret: 'JBSWY3DPEHPK3PXP', encoding: 'base32' as const }; // expect: hardcoded-secret:24
export const code = () => speakeasy.totp(totp);
