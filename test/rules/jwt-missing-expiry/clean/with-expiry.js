// expect: none
const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

function issueWithExpClaim(user) {
  const exp = Math.floor(Date.now() / 1000) + 60 * 60;
  return jwt.sign({ sub: user.id, exp }, process.env.JWT_SECRET);
}

const options = { expiresIn: '1h', algorithm: 'HS256' };
function issueWithSharedOptions(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, options);
}

// Options built elsewhere may hold the expiry: not a finding when unsure.
function issueWithUnknownOptions(user, opts) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, opts);
}

// A payload from elsewhere may carry `exp`.
function resign(claims) {
  return jwt.sign(claims, process.env.JWT_SECRET);
}

// Verification, decoding, and other libraries' `sign` are not token issuance.
function check(token) {
  return jwt.verify(token, process.env.JWT_SECRET);
}
const crypto = require('crypto');
function signature(data, privateKey) {
  return crypto.sign('sha256', Buffer.from(data), privateKey);
}

module.exports = { issue, issueWithExpClaim, issueWithSharedOptions, issueWithUnknownOptions, resign, check, signature };
