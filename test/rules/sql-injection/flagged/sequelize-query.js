const { Sequelize, QueryTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

async function search(req, res) {
  const users = await sequelize.query(`SELECT * FROM users WHERE name LIKE '%${req.query.name}%'`, { type: QueryTypes.SELECT }); // expect: sql-injection:39
  res.json(users);
}

module.exports = { search };
