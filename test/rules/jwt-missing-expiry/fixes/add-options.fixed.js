// fix: Add expiry
const jwt = require('jsonwebtoken');

const a = jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '1h' });
const b = jwt.sign({ sub: 2 }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
jwt.sign({ sub: 3 }, process.env.JWT_SECRET, { expiresIn: '1h' }, (err, token) => console.log(err, token));
const c = jwt.sign({ sub: 4 }, process.env.JWT_SECRET, {
  algorithm: 'HS256',
  issuer: 'api',
  expiresIn: '1h',
});
