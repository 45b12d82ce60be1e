const express = require('express');
const { exec, execSync } = require('child_process');
const util = require('util');

const app = express();
const run = util.promisify(exec);

// The network "diagnostics" page every intentionally vulnerable training app has.
app.get('/tools/ping', (req, res) => {
  exec(`ping -c 3 ${req.query.host}`, (err, stdout) => { // expect: command-injection:8
    res.type('text').send(err ? String(err) : stdout);
  });
});

app.post('/tools/lookup', (req, res) => {
  const output = execSync('nslookup ' + req.body.domain).toString(); // expect: command-injection:27
  res.send(output);
});

app.post('/repos/:name/log', async (req, res) => {
  const { branch = 'main' } = req.body;
  const { stdout } = await run(`git -C /srv/repos/${req.params.name} log --oneline ${branch}`); // expect: command-injection:32
  res.json(stdout.split('\n'));
});

app.post('/archive', (req, res) => {
  const files = req.body.files.join(' ');
  exec(`tar czf /tmp/out.tgz ${files}`, () => res.download('/tmp/out.tgz')); // expect: command-injection:8
});
