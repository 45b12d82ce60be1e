// expect: none
const bcrypt = require('bcrypt');
const mongoose = require('mongoose');
const fs = require('fs/promises');

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));

async function login(req, res) {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).end();
  const hash = await bcrypt.hash(req.body.password, 10);
  await User.updateOne({ _id: user.id }, { passwordHash: hash });
  res.json({ id: user.id });
}

function legacyLogin(req, res) {
  // The callback form returns nothing: there is no promise to await.
  bcrypt.compare(req.body.password, req.user.passwordHash, (err, ok) => {
    if (ok) res.json({ ok: true });
    else res.status(401).end();
  });
  if (bcrypt.compareSync(req.body.password, req.user.passwordHash)) res.json({ ok: true });
}

async function listActive(sort) {
  // A Mongoose query built up before it runs.
  const query = User.find({ active: true });
  if (sort) query.sort({ [sort]: 1 });
  return query.exec();
}

async function loadBoth() {
  const first = fs.readFile('a.json', 'utf8');
  const second = fs.readFile('b.json', 'utf8');
  const [a, b] = await Promise.all([first, second]);
  return a + b;
}

function hashLater(password) {
  const pending = bcrypt.hash(password, 10);
  return pending;
}

function withCallback(password, done) {
  const pending = bcrypt.hash(password, 10);
  pending.then((hash) => done(null, hash), done);
}

async function timed(password) {
  const started = Date.now();
  const hash = await bcrypt.hash(password, 10);
  return { hash, ms: Date.now() - started };
}

module.exports = { login, legacyLogin, listActive, loadBoth, hashLater, withCallback, timed };
