const childProcess = require('child_process');
const router = require('express').Router();

function resize(file, width) {
  return childProcess.execSync(`convert uploads/${file} -resize ${width} thumbs/${file}`); // expect: command-injection:32
}

function gitCommand(args) {
  return `git ${args}`;
}

router.post('/images/:file/thumb', (req, res) => {
  resize(req.params.file, 200);
  res.sendStatus(201);
});

router.post('/git', (req, res) => {
  childProcess.exec(gitCommand(req.body.args), (e, out) => res.send(out)); // expect: command-injection:21
});

// A check that logs but does not stop the request is no check.
router.get('/whois', (req, res) => {
  const domain = req.query.domain;
  if (!/^[a-z0-9.-]+$/i.test(domain)) {
    console.warn('odd domain', domain);
  }
  childProcess.exec('whois ' + domain, (e, out) => res.send(out)); // expect: command-injection:21
});

module.exports = router;
