// fix: Hash with bcrypt
const crypto = require('crypto');
const { pool } = require('./db');
const bcrypt = require('bcrypt');

exports.register = async (req, res) => {
  const passwordHash = await bcrypt.hash(req.body.password, 12);
  await pool.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [req.body.email, passwordHash]);
  res.sendStatus(201);
};

exports.legacyCheck = async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [req.body.email]);
  if (rows[0].password_hash !== crypto.createHash('sha256').update(req.body.password).digest('hex')) return res.sendStatus(401);
  res.sendStatus(204);
};

exports.sync = (password) => crypto.createHash('md5').update(password).digest('hex');
