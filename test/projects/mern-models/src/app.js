// expect: none
const express = require('express');

const app = express();
app.use(express.json());
app.use('/api/comments', require('./routes/comments'));
app.use('/api/posts', require('./routes/posts'));

module.exports = app;
