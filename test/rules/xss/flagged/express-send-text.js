const express = require('express');
const app = express();

// Express answers a string with text/html: request text in it is HTML, tag or no tag.
app.get('/hello', (req, res) => {
  res.send('Hello ' + req.query.name); // expect: xss:23
});

app.get('/items/:id', (req, res) => {
  res.status(404).send(`No item with id ${req.params.id}`); // expect: xss:43
});
