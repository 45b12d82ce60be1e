// expect: none
const express = require('express');
const session = require('express-session');
const { doubleCsrf } = require('csrf-csrf');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
app.use(doubleCsrfProtection);

app.post('/transfer', (req, res) => {
  res.redirect('/account');
});

module.exports = app;
