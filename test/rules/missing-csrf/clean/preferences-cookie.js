// expect: none
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());

app.post('/theme', (req, res) => {
  res.cookie('theme', req.body.theme === 'dark' ? 'dark' : 'light', { maxAge: 31536000000 });
  res.redirect('back');
});

app.get('/', (req, res) => {
  res.render('home', { theme: req.cookies.theme });
});

module.exports = app;
