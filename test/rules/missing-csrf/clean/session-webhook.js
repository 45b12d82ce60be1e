// expect: none
const express = require('express');
const session = require('express-session');
const lusca = require('lusca');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca.csrf());

app.post('/comments', (req, res) => res.redirect('/'));

module.exports = app;
