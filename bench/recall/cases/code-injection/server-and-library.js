const vm = require('vm');
const http = require('http');
const url = require('url');
const { runInNewContext } = require('vm');

http.createServer((req, res) => {
  const q = url.parse(req.url, true).query;
  res.end(String(eval(q.expr))); // fault: code-injection
});

module.exports = function (app) {
  app.post('/calc', (req, res) => {
    const fn = new Function('return ' + req.body.formula); // fault: code-injection
    res.json({ v: fn() });
  });

  app.post('/sandbox', (req, res) => {
    const code = `(${req.body.code})`;
    res.json(runInNewContext(code, {})); // fault: code-injection
  });

  app.post('/script', (req, res) => {
    const script = new vm.Script(req.body.src); // fault: code-injection
    res.json(script.runInNewContext({}));
  });

  app.get('/later', (req, res) => {
    setTimeout('notify("' + req.query.msg + '")', 100); // fault: code-injection
    res.end();
  });

  app.get('/json', (req, res) => {
    res.json(JSON.parse(req.query.data)); // safe: code-injection
  });
};
