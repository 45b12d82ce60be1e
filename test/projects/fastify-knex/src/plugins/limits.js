// expect: none
const fp = require('fastify-plugin');
const rateLimit = require('@fastify/rate-limit');

module.exports = fp(async function limits(fastify) {
  await fastify.register(rateLimit, { max: 10, timeWindow: '1 minute' });
});
