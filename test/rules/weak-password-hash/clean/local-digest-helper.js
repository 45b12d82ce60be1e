// expect: none
const crypto = require('crypto');
const bcrypt = require('bcrypt');

// The same helper, used for what a fast digest is for: checksums, cache keys, gravatar URLs.
function digest(text) {
  return crypto.createHash('md5').update(text).digest('hex');
}

// A keyed digest, and one whose input is not its parameter.
function sign(secret, payload) {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}
function fingerprint(password) {
  return crypto.createHash('sha256').update(String(Date.now())).digest('hex');
}

function hashPassword(password) {
  return bcrypt.hash(password, 12);
}

module.exports = {
  etag: (body) => digest(body),
  avatar: (email) => `https://www.gravatar.com/avatar/${digest(email.trim().toLowerCase())}`,
  signPassword: (password) => sign(process.env.SECRET, password),
  marker: (password) => fingerprint(password),
  store: (password) => hashPassword(password),
};
