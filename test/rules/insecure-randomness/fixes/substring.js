// fix: Use crypto.randomBytes
const db = require('./db');

function generateToken() {
  return Math.random().toString(36).substring(2, 15);
}

module.exports = { generateToken };
