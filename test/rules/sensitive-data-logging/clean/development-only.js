// expect: none
// Logging inside a branch production never takes: a developer's own test requests, printed while developing.
const express = require('express');
const { log } = require('./util');

const app = express();
const isDev = process.env.NODE_ENV === 'development';

if (isDev) {
  app.post('/test-webhook', async (request, response) => {
    log.debug('test', request.headers);
    response.send('OK');
  });
}

app.post('/login', (req, res, next) => {
  if (process.env.NODE_ENV !== 'production') console.log('login attempt', req.headers);
  next();
});

module.exports = app;
