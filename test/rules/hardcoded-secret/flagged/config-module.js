// A config module and its users in one file: the literal is reported where it is written.
const jwt = require('jsonwebtoken');

process.env.STRIPE_SECRET_KEY = 'stripe-key-for-now'; // expect: hardcoded-secret:33
process.env.NODE_ENV = process.env.NODE_ENV || 'development';

const config = {
  auth: {
    jwt: { key: 'nested-jwt-key', expiresIn: '1h' }, // expect: hardcoded-secret:17
  },
};

function issue(user) {
  return jwt.sign({ sub: user.id }, config.auth.jwt.key, { expiresIn: config.auth.jwt.expiresIn });
}

function check(token) {
  return jwt.verify(token, config.auth.jwt.key);
}

module.exports = { issue, check };
