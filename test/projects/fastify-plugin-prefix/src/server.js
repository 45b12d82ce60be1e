// expect: none
const Fastify = require('fastify');

const fastify = Fastify({ logger: true });
fastify.register(require('./plugins/security'));
fastify.register(require('./routes/accounts'), { prefix: '/accounts' });

fastify.listen({ port: 3000 });
