// The limits plugin (fastify-plugin, registered by app.js) limits /login; the search builds SQL from the query.
module.exports = async function routes(fastify) {
  fastify.post('/login', async (request) => {
    const account = await fastify.accounts.findByEmail(request.body.email);
    return { id: account.id };
  });
  fastify.get('/search', async (request) => fastify.knex.raw(`select * from accounts where name = '${request.query.name}'`)); // expect: sql-injection:62
  fastify.get('/:id', async (request) => fastify.accounts.findById(request.params.id));
};
