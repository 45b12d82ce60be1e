const crypto = require('crypto');
const db = require('./db');

// A digest helper of the file: whatever it is given leaves as MD5.
function digest(text, salt = '') {
  // The request's password reaches it from `register` below: reported here, once, not at the call.
  return crypto.createHash('md5').update(salt + text).digest('hex'); // expect: weak-password-hash:10
}

const sha1 = (value) => {
  const bytes = Buffer.from(value);
  return crypto.createHash('sha1').update(bytes).digest('hex');
};

async function register(req, res) {
  const { email, password } = req.body;
  await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, digest(password)]);
  res.status(201).end();
}

async function changePassword(user, newPassword) {
  const hash = sha1(newPassword); // expect: weak-password-hash:16
  await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, user.id]);
}

async function createUser(email, plainPassword) {
  const salt = crypto.randomBytes(8).toString('hex');
  await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, digest2(salt, plainPassword)]); // expect: weak-password-hash:86
}

function digest2(salt, text) {
  return crypto.createHash('sha256').update(`${salt}:${text}`).digest('hex');
}

module.exports = { register, changePassword, createUser };
