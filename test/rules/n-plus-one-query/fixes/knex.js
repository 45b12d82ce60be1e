// fix: Batch these queries
const knex = require('knex')({ client: 'pg' });

async function ownersOf(pets) {
  const owners = [];
  for (const pet of pets) {
    const owner = await knex('owners').where({ id: pet.ownerId }).first();
    owners.push(owner);
  }
  return owners;
}

module.exports = { ownersOf };
