// expect: none
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, name: String }));

/** The user with this email address. */
exports.findUser = function (email) {
  return User.findOne({ email });
};

/** The same, with the address made text first. */
exports.findUserByText = function (email) {
  return User.findOne({ email: String(email) });
};
