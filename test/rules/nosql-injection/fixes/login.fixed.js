// fix: Convert to a string with String()
const mongoose = require('mongoose');
const User = mongoose.model('User');

async function login(req, res) {
  const { username } = req.body;
  const user = await User.findOne({ username: String(username), active: true });
  res.json({ ok: !!user });
}

module.exports = { login };
