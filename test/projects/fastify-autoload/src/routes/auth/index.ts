// expect: none
import type { FastifyInstance } from 'fastify';
import { checkPassword } from '../../passwords.js';

export default async function auth(fastify: FastifyInstance) {
  fastify.post('/login', async (request) => {
    const { email, password } = request.body as { email: string; password: string };
    return { ok: await checkPassword(email, password) };
  });
}
