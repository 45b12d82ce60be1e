// expect: none
const express = require('express');
const session = require('express-session');
const csrf = require('csurf');
const limiter = require('./middleware/limiter');
const api = require('./routes');
const admin = require('./routes/admin');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use('/api', limiter);
app.use('/api', csrf());
app.use('/api', api);
app.use('/admin', admin);

module.exports = app;
