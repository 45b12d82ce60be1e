// expect: none
const path = require('node:path');
const autoload = require('@fastify/autoload');

module.exports = async function app(fastify) {
  fastify.register(require('@fastify/helmet'));
  fastify.register(autoload, { dir: path.join(__dirname, 'routes') });
};
