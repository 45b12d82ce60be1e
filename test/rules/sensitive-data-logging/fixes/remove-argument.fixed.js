// fix: Remove `token` from the log call
const jwt = require('jsonwebtoken');

function issue(user) {
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  console.log('issued token', 'for', user.id);
  return token;
}
module.exports = { issue };
