// A Knex factory: the instance arrives as a parameter and its callers pass the text.
module.exports = function accounts(knex) {
  return {
    findByEmail(email) {
      return knex.raw(`select * from accounts where email = '${email}'`); // expect: sql-injection:23
    },
    findById(id) {
      return knex('accounts').where({ id }).first();
    },
    search(term) {
      return knex.raw('select * from accounts where name ilike ?', [`%${term}%`]);
    },
  };
};
