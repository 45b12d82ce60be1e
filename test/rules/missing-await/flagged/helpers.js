const bcrypt = require('bcryptjs');
const fs = require('fs/promises');

function checkPassword(plain, hash) {
  return bcrypt.compare(plain, hash);
}

async function loadReport(name) {
  const text = await fs.readFile(`reports/${name}.json`, 'utf8');
  return JSON.parse(text);
}

function login(req, res) {
  if (checkPassword(req.body.password, req.user.passwordHash)) { // expect: missing-await:7
    return res.json({ ok: true });
  }
  res.status(401).end();
}

async function report(req, res) {
  res.json(loadReport(req.params.name)); // expect: missing-await:12
}

async function readConfig() {
  const raw = fs.readFile('config.json', 'utf8');
  return JSON.parse(raw.toString()); // expect: missing-await:21
}

function resetPassword(user, password) {
  user.passwordHash = bcrypt.hash(password, 12); // expect: missing-await:3
  return user;
}

module.exports = { login, report, readConfig, resetPassword };
