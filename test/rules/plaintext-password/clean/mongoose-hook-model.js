// expect: none
const mongoose = require('mongoose');
const bcrypt = require('bcryptjs');

const userSchema = new mongoose.Schema({
  email: { type: String, required: true },
  password: { type: String, required: true, select: false },
});

userSchema.pre('save', async function (next) {
  if (!this.isModified('password')) return next();
  this.password = await bcrypt.hash(this.password, 12);
  next();
});

userSchema.methods.comparePassword = function (candidatePassword) {
  return bcrypt.compare(candidatePassword, this.password);
};

const User = mongoose.model('User', userSchema);

async function register(req, res) {
  const { email, password } = req.body;
  const user = await User.create({ email, password });
  res.status(201).json({ id: user._id });
}

async function changePassword(req, res) {
  const user = await User.findById(req.user.id);
  user.password = req.body.password;
  await user.save();
  res.sendStatus(204);
}

module.exports = { User, register, changePassword };
