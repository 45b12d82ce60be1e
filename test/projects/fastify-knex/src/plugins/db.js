// expect: none
const fp = require('fastify-plugin');
const createKnex = require('knex');
const accountsModel = require('../models/accounts');

module.exports = fp(async function db(fastify, opts) {
  const knex = createKnex({ client: 'pg', connection: opts.connection });
  fastify.decorate('knex', knex);
  fastify.decorate('accounts', accountsModel(knex));
});
