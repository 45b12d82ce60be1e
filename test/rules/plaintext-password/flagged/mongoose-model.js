const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({
  email: { type: String, required: true, unique: true },
  password: { type: String, required: true },
});

userSchema.methods.comparePassword = function (candidatePassword) {
  return this.password === candidatePassword; // expect: plaintext-password:10
};

const User = mongoose.model('User', userSchema);

async function register(req, res) {
  const user = await User.create({ email: req.body.email, password: req.body.password }); // expect: plaintext-password:59
  res.status(201).json({ id: user._id });
}

async function signup(req, res) {
  const { email, password } = req.body;
  const user = new User({ email, password }); // expect: plaintext-password:34
  await user.save();
  res.status(201).json({ id: user._id });
}

async function resetPassword(req, res) {
  const user = await User.findById(req.params.id);
  user.password = req.body.password; // expect: plaintext-password:3
  await user.save();
  res.sendStatus(204);
}

module.exports = { User, register, signup, resetPassword };
