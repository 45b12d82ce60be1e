// expect: none
const accounts = require('../models/accounts');

/** Looks an account up by a normalised address. */
exports.lookup = (email) => accounts.findByEmail(email.trim().toLowerCase());

/** Looks an account up by its numeric id. */
exports.lookupId = (id) => accounts.findById(Number(id));
