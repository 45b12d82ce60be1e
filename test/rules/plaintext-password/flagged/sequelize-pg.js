const { Sequelize, DataTypes } = require('sequelize');
const { Pool } = require('pg');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const pool = new Pool();

const Account = sequelize.define('Account', {
  username: DataTypes.STRING,
  password: DataTypes.STRING,
});

async function createAccount(req, res) {
  const account = await Account.create({ username: req.body.username, password: req.body.password }); // expect: plaintext-password:71
  res.json({ id: account.id });
}

async function findAccount(req, res) {
  const account = await Account.findOne({ where: { username: req.body.username, password: req.body.password } }); // expect: plaintext-password:81
  res.json({ found: Boolean(account) });
}

async function insertUser(req, res) {
  const { email, password } = req.body;
  await pool.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, password]); // expect: plaintext-password:83
  res.sendStatus(201);
}

async function updatePassword(req, res) {
  await pool.query('UPDATE users SET password = $1 WHERE id = $2', [req.body.newPassword, req.params.id]); // expect: plaintext-password:69
  res.sendStatus(204);
}

module.exports = { createAccount, findAccount, insertUser, updatePassword };
