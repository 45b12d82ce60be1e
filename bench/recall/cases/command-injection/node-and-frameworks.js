const http = require('http');
const url = require('url');
const { exec, execSync, spawn, execFile } = require('child_process');
const util = require('util');
const shell = require('shelljs');
const run = util.promisify(exec);

http.createServer((req, res) => {
  const query = url.parse(req.url, true).query;
  exec('ping -c 1 ' + query.host, (e, out) => res.end(out)); // fault: command-injection
}).listen(3000);

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url, 'http://localhost');
  execSync(`nslookup ${searchParams.get('name')}`); // fault: command-injection
  res.end();
});

module.exports = function routes(app) {
  app.post('/convert', async (req, res) => {
    let cmd = 'convert ';
    cmd += req.body.input;
    cmd += ' out.png';
    await run(cmd); // fault: command-injection
    res.sendStatus(204);
  });

  app.get('/grep', (req, res) => {
    const parts = ['grep', '-r'];
    parts.push(req.query.pattern);
    exec(parts.join(' '), (e, out) => res.send(out)); // fault: command-injection
  });

  app.get('/git', (req, res) => {
    const branch = req.query.branch.trim();
    spawn('git', ['log', branch], { shell: true }); // fault: command-injection
    res.end();
  });

  app.get('/sh', (req, res) => {
    spawn('sh', ['-c', `tar czf backup.tgz ${req.query.dir}`]); // fault: command-injection
    res.end();
  });

  app.get('/shelljs', (req, res) => {
    shell.exec('ls ' + req.query.dir); // fault: command-injection
    res.end();
  });

  app.get('/safe', (req, res) => {
    execFile('git', ['log', req.query.branch], (e, out) => res.send(out)); // safe: command-injection
  });

  app.get('/safe-number', (req, res) => {
    exec('kill ' + Number(req.query.pid)); // safe: command-injection
    res.end();
  });
};
