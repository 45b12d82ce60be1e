// expect: none
const crypto = require('crypto');
const fs = require('fs');
const md5 = require('md5');

function fileEtag(path) {
  return crypto.createHash('md5').update(fs.readFileSync(path)).digest('hex');
}

function cacheKey(query, params) {
  return crypto.createHash('sha256').update(JSON.stringify({ query, params })).digest('hex');
}

function gravatarUrl(email) {
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}`;
}

function signWebhook(body, secret) {
  return crypto.createHmac('sha256', secret).update(body).digest('hex');
}

function hashResetToken(passwordResetToken) {
  return crypto.createHash('sha256').update(passwordResetToken).digest('hex');
}

function storedHashChecksum(user) {
  return crypto.createHash('sha1').update(user.passwordHash).digest('hex');
}

module.exports = { fileEtag, cacheKey, gravatarUrl, signWebhook, hashResetToken, storedHashChecksum };
