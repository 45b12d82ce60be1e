// fix: Parameterize query
const { Sequelize, QueryTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

async function search(name, city) {
  const byName = await sequelize.query(`SELECT * FROM users WHERE name LIKE :name`, { type: QueryTypes.SELECT, replacements: { name: `%${name}%` } });
  const byCity = await sequelize.query(`SELECT * FROM users WHERE city = :city AND active = :active`, {
    replacements: { active: true, city },
    type: QueryTypes.SELECT,
  });
  const plain = await sequelize.query(`SELECT * FROM users WHERE city = :city`, { replacements: { city } });
  return { byName, byCity, plain };
}

module.exports = { search };
