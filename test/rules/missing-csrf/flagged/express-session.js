const express = require('express');
const session = require('express-session');
const db = require('./db');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false })); // expect: missing-csrf:1

function requireLogin(req, res, next) {
  if (!req.session.userId) return res.redirect('/login');
  next();
}

app.post('/transfer', requireLogin, async (req, res) => {
  await db.transfers.create({ from: req.session.userId, to: req.body.to, amount: Number(req.body.amount) });
  res.redirect('/account');
});

app.post('/email', requireLogin, async (req, res) => {
  await db.users.update(req.session.userId, { email: req.body.email });
  res.redirect('/settings');
});

app.delete('/account', requireLogin, async (req, res) => {
  await db.users.remove(req.session.userId);
  res.sendStatus(204);
});

module.exports = app;
