// expect: none
const express = require('express');

const app = express();
app.use(express.json());
app.use('/auth', require('./routes/auth'));
app.use('/reports', require('./routes/reports'));
app.use('/checkout', require('./routes/checkout'));
app.use('/owners', require('./routes/owners'));

module.exports = app;
