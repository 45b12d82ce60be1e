// expect: none
const express = require('express');
const auth = require('./routes/auth');
const tools = require('./routes/tools');
const profile = require('./routes/profile');

const app = express();
app.use(express.json());
app.use('/auth', auth);
app.use('/tools', tools);
app.use('/profile', profile);

module.exports = app;
