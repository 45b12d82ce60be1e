// expect: none
const url = require('url');
const path = require('path');
const send = require('send');

module.exports = function serveStatic(root, options = {}) {
  const fs = options.fs || require('fs');
  const base = path.resolve(root);
  return function serve(req, res) {
    // Joined (which normalises), then compared with the root and a separator.
    const file = path.join(base, decodeURIComponent(url.parse(req.url).pathname));
    if (!file.startsWith(base + path.sep)) {
      res.statusCode = 403;
      return res.end();
    }
    fs.createReadStream(file).pipe(res);
  };
};

// `..` looked for after decoding.
module.exports.checked = function checked(root, fs) {
  return function serve(req, res) {
    const pathname = decodeURIComponent(url.parse(req.url).pathname);
    if (pathname.includes('..')) return res.end();
    fs.createReadStream(path.join(root, pathname)).pipe(res);
  };
};

// `send` confines the path to its `root` option.
module.exports.sent = function sent(root) {
  return (req, res) => send(req, url.parse(req.url).pathname, { root }).pipe(res);
};

// A file system passed in, given the whole path by contract.
module.exports.readConfig = function readConfig(file, options = {}) {
  const fs = options.fs || require('fs');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
};
