// expect: none
const express = require('express');
const vm = require('vm');

const app = express();

const OPERATIONS = { add: (a, b) => a + b, mul: (a, b) => a * b };
app.post('/calc', (req, res) => {
  const op = OPERATIONS[req.body.op];
  if (!op) return res.sendStatus(400);
  res.json({ result: op(Number(req.body.a), Number(req.body.b)) });
});

app.post('/settings', (req, res) => {
  const settings = JSON.parse(req.body.settings);
  setTimeout(() => save(settings), 100);
  res.sendStatus(202);
});

setInterval('tick()', 1000);
const polyfill = new Function('return this')();
const ctx = vm.createContext({});
vm.runInContext('x = 1 + 1', ctx);

// A bundler evaluating its own generated code is not request data.
function evaluateModule(code) {
  return vm.runInThisContext(code);
}

app.get('/debug', (req, res) => {
  const mode = req.query.mode;
  if (mode === 'verbose') setTimeout(() => console.log(req.query), 0);
  res.end();
});

function save() {}
function tick() {}
module.exports = { evaluateModule, polyfill };
