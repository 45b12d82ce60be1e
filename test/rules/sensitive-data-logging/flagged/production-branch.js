const express = require('express');
const { log } = require('./util');

const app = express();
const isProduction = process.env.NODE_ENV === 'production';

// The branch that runs in production logs what every client sends.
if (isProduction) {
  app.post('/webhook', async (request, response) => {
    log.info('webhook', request.headers); // expect: sensitive-data-logging:25
    response.send('OK');
  });
}

app.post('/login', (req, res, next) => {
  if (process.env.NODE_ENV !== 'development') console.log('login attempt', req.headers); // expect: sensitive-data-logging:76
  next();
});

module.exports = app;
