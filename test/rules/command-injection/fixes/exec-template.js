// fix: Run with execFile and an argument array
const cp = require('child_process');
const app = require('express')();

app.get('/tools/ping', (req, res) => {
  cp.exec(`ping -c 3 '${req.query.host}'`, (err, stdout) => res.type('text').send(stdout));
});
