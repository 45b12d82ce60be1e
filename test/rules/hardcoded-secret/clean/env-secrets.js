// expect: none
const express = require('express');
const jwt = require('jsonwebtoken');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const crypto = require('crypto');
const fs = require('fs');
const config = require('config');

const app = express();
const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) throw new Error('JWT_SECRET must be set');
const privateKey = fs.readFileSync(process.env.JWT_PRIVATE_KEY_PATH);

app.use(cookieParser(process.env.COOKIE_SECRET));
app.use(session({ secret: config.get('session.secret'), resave: false, saveUninitialized: false }));
app.use(session({ secret: [process.env.SESSION_SECRET, process.env.OLD_SESSION_SECRET], name: 'sid' }));

app.post('/login', async (req, res) => {
  const user = await users.verify(req.body.email, req.body.password);
  const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
  const idToken = jwt.sign({ sub: user.id }, privateKey, { algorithm: 'RS256', expiresIn: '1h' });
  res.json({ token, idToken });
});

function verify(token, secret) {
  return jwt.verify(token, secret, { algorithms: ['HS256'] });
}

function signWebhook(body, key) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

// A hash is not a key: createHash takes no secret, and a literal salt is not one.
const etag = crypto.createHash('sha256').update('static-asset-v1').digest('hex');
const derived = crypto.scryptSync(process.env.ENCRYPTION_PASSPHRASE, 'fixed-salt', 32);
const encryptor = crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.ENCRYPTION_KEY, 'hex'), crypto.randomBytes(12));

const decoded = jwt.decode(req.headers.authorization);

module.exports = { app, verify, signWebhook, etag, derived, encryptor, decoded };
