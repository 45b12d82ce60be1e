const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');
const Koa = require('koa');

const app = express();
app.use(cookieParser('cookie-signing-secret')); // expect: hardcoded-secret
app.use(
  session({
    secret: 'keyboard cat', // expect: hardcoded-secret
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true },
  }),
);
app.use(cookieSession({ name: 'sess', keys: ['key-one-2024', process.env.OLD_SESSION_KEY] })); // expect: hardcoded-secret

const sessionOptions = { secret: ['rotated-secret-new', 'rotated-secret-old'], resave: false }; // expect: hardcoded-secret, hardcoded-secret
app.use('/admin', session(sessionOptions));

const koa = new Koa();
koa.keys = ['im a newer secret', 'i like turtle']; // expect: hardcoded-secret, hardcoded-secret

module.exports = { app, koa };
