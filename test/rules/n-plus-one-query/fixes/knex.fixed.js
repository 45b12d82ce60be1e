// fix: Batch these queries
const knex = require('knex')({ client: 'pg' });

async function ownersOf(pets) {
  const owners = [];
  const ownerRows = await knex('owners').whereIn('id', pets.map((pet) => pet.ownerId));
  const ownerById = new Map(ownerRows.map((row) => [row.id, row]));
  for (const pet of pets) {
    const owner = ownerById.get(pet.ownerId);
    owners.push(owner);
  }
  return owners;
}

module.exports = { ownersOf };
