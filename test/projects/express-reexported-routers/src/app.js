// expect: none
const express = require('express');
const rateLimit = require('express-rate-limit');
const routes = require('./routes');
const { partners } = require('./routes');

const app = express();
app.use(express.json());
app.use('/api', rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 }));
app.use('/api/auth', routes.auth);
app.use('/api/account', routes.account);
// Partners sign in outside /api, where no limiter is mounted.
app.use('/partners', partners);

module.exports = app;
