const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');
const Koa = require('koa');

const app = express();
app.use(cookieParser('cookie-signing-secret')); // expect: hardcoded-secret:22
app.use(
  session({
    secret: 'keyboard cat', // expect: hardcoded-secret:13
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true },
  }),
);
app.use(cookieSession({ name: 'sess', keys: ['key-one-2024', process.env.OLD_SESSION_KEY] })); // expect: hardcoded-secret:46

const sessionOptions = { secret: ['rotated-secret-new', 'rotated-secret-old'], resave: false }; // expect: hardcoded-secret:35, hardcoded-secret:57
app.use('/admin', session(sessionOptions));

const koa = new Koa();
koa.keys = ['im a newer secret', 'i like turtle']; // expect: hardcoded-secret:13, hardcoded-secret:34

module.exports = { app, koa };
