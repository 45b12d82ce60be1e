// expect: none
const express = require('express');
const { execFile, spawn, execFileSync } = require('child_process');

const app = express();

app.get('/tools/ping', (req, res) => {
  execFile('ping', ['-c', '3', req.query.host], (err, stdout) => res.type('text').send(stdout));
});

app.post('/convert', (req, res) => {
  const child = spawn('convert', [req.body.input, '-resize', '200x200', 'out.png']);
  child.on('close', () => res.sendStatus(204));
});

app.post('/repos/:name/log', (req, res) => {
  const out = execFileSync('git', ['-C', `/srv/repos/${req.params.name}`, 'log', '--oneline'], { encoding: 'utf8' });
  res.json(out.split('\n'));
});

app.post('/no-shell', (req, res) => {
  spawn('ls', ['-la', req.body.dir], { shell: false }).stdout.pipe(res);
});
