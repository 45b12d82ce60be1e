import Fastify, { FastifyInstance } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import speakeasy from 'speakeasy';

export async function authPlugin(fastify: FastifyInstance) {
  await fastify.register(fastifyJwt, { secret: 'supersecret' }); // expect: hardcoded-secret
  await fastify.register(fastifyCookie, { secret: process.env.COOKIE_SECRET ?? 'my-cookie-secret' }); // expect: hardcoded-secret
}

const app = Fastify();
app.register(require('@fastify/session'), { secret: 'a secret with minimum length of 32 characters' }); // expect: hardcoded-secret

const totp = { secret: 'JBSWY3DPEHPK3PXP', encoding: 'base32' as const }; // expect: hardcoded-secret
export const code = () => speakeasy.totp(totp);
