// expect: none
const accounts = require('../models/accounts');
const { digest } = require('../lib/crypto-utils');

// Helpers over other modules' helpers: what they run is what those run.
exports.ownerOf = (email) => accounts.findByEmail(email);

exports.fingerprint = (value) => digest(`v1:${value}`);

exports.label = (email) => email.toLowerCase();
