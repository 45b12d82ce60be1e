// expect: none
const http = require('http');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, 'public');

http.createServer((req, res) => {
  const file = path.resolve(root, '.' + req.url);
  if (!file.startsWith(root + path.sep)) {
    res.statusCode = 403;
    return res.end();
  }
  fs.createReadStream(file).pipe(res);
});

http.createServer((req, res) => {
  fs.createReadStream(path.join(root, path.basename(req.url))).pipe(res);
});

// A host name has no path separator.
http.createServer((req, res) => {
  const host = new URL(req.url, 'http://x').hostname;
  fs.readFile(path.join(root, 'certs', host), () => res.end());
});

// The whole path is the helper's contract; and a base check confines it.
exports.readConfig = function readConfig(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
};

exports.safeTemplate = function safeTemplate(name) {
  const full = path.resolve(root, name);
  if (!full.startsWith(root + path.sep)) throw new Error('outside');
  return fs.readFileSync(full, 'utf8');
};

// Through a file system passed in, the whole path is still the helper's contract.
exports.readJson = function readJson(file, options) {
  return JSON.parse(options.fs.readFileSync(file, 'utf8'));
};
