// fix: Use crypto.randomBytes
const db = require('./db');
const crypto = require('crypto');

function generateToken() {
  return crypto.randomBytes(7).toString('hex').slice(0, 13);
}

module.exports = { generateToken };
