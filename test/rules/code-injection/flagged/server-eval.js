const express = require('express');
const vm = require('vm');

const app = express();
app.use(express.json());

// The "calculator" endpoint of the training apps: `require('child_process').execSync('id')` is arithmetic too.
app.post('/calc', (req, res) => {
  const result = eval(req.body.expression); // expect: code-injection:23
  res.json({ result });
});

app.get('/filter', (req, res) => {
  const predicate = new Function('item', `return ${req.query.where};`); // expect: code-injection:42
  res.json(items.filter(predicate));
});

app.post('/template', (req, res) => {
  const out = vm.runInNewContext('`' + req.body.template + '`', { user: req.user }); // expect: code-injection:34
  res.send(out);
});

app.post('/later', (req, res) => {
  setTimeout('notify("' + req.body.message + '")', 1000); // expect: code-injection:14
  res.sendStatus(202);
});

const items = [];
