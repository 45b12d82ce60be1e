const express = require('express');
const passport = require('passport');

const app = express();

app.get('/login', (req, res) => {
  res.render('login', { next: req.query.next });
});

app.post('/login', passport.authenticate('local'), (req, res) => {
  const next = req.body.next || '/dashboard';
  res.redirect(next); // expect: open-redirect:16
});

app.get('/out', (req, res) => {
  res.redirect(302, req.query.url); // expect: open-redirect:21
});

app.get('/go/:target', (req, res) => {
  res.setHeader('Location', `${req.params.target}`); // expect: open-redirect:29
  res.statusCode = 302;
  res.end();
});

app.get('/logout', (req, res) => {
  req.logout(() => {
    res.location(req.query.returnTo); // expect: open-redirect:18
    res.sendStatus(302);
  });
});

app.get('/legacy', (req, res) => {
  res.writeHead(301, { Location: req.query.to }); // expect: open-redirect:34
  res.end();
});

module.exports = app;
