const crypto = require('crypto');
const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');

const ENCRYPTION_KEY = Buffer.from('3f1a9c0e7b2d4c6a8e0f1b3d5c7a9e0b', 'utf8'); // expect: hardcoded-secret:36

function signWebhook(body) {
  return crypto.createHmac('sha256', 'whsec_local_signing_key').update(body).digest('hex'); // expect: hardcoded-secret:38
}

function encrypt(plain) {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', ENCRYPTION_KEY, iv);
  return Buffer.concat([iv, cipher.update(plain), cipher.final()]).toString('base64');
}

function decrypt(data) {
  const raw = Buffer.from(data, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', ENCRYPTION_KEY, raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString();
}

function keyFromPassphrase() {
  return crypto.scryptSync('my encryption passphrase', 'salt', 32); // expect: hardcoded-secret:28
}

const tokenKey = crypto.createSecretKey(Buffer.from('token-signing-key-material')); // expect: hardcoded-secret:53

module.exports = { signWebhook, encrypt, decrypt, keyFromPassphrase, tokenKey };
