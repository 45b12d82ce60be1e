// expect: none
// NTLM authentication computes the MD4 of the password because the protocol says so; nothing is stored.
const crypto = require('crypto');

function createNTLMHash(password) {
  const md4sum = crypto.createHash('md4');
  md4sum.update(Buffer.from(password, 'ucs2'));
  return md4sum.digest();
}

module.exports = { createNTLMHash };
