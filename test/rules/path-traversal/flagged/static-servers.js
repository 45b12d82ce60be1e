const url = require('url');
const path = require('path');

// A static-file middleware of a package: the URL's path, decoded, joined to the root and read through the
// file system the caller configured.
module.exports = function serveStatic(root, options = {}) {
  const fs = options.fs || require('fs');
  return function serve(req, res) {
    const pathname = decodeURIComponent(url.parse(req.url).pathname);
    fs.createReadStream(path.join(root, pathname)).pipe(res); // expect: path-traversal:25
  };
};

module.exports.Handler = class Handler {
  constructor(root, fs) {
    this.root = root;
    this.fs = fs;
  }

  handle(req, res) {
    const { pathname } = new URL(req.url, 'http://localhost');
    this.fs.readFile(path.join(this.root, decodeURIComponent(pathname)), (err, data) => res.end(data)); // expect: path-traversal:22
  }
};

// Checks that do not confine: `..` looked for before decoding, a prefix without normalising, one `../` removed.
module.exports.checked = function checked(root, fs) {
  return function serve(req, res) {
    const pathname = url.parse(req.url).pathname;
    if (pathname.includes('..')) return res.end();
    fs.createReadStream(path.join(root, decodeURIComponent(pathname))).pipe(res); // expect: path-traversal:25
  };
};

module.exports.prefixed = function prefixed(root, fs) {
  return function serve(req, res) {
    const file = root + decodeURIComponent(url.parse(req.url).pathname);
    if (!file.startsWith(root)) return res.end();
    fs.createReadStream(file).pipe(res); // expect: path-traversal:25
  };
};

module.exports.stripped = function stripped(root, fs) {
  return function serve(req, res) {
    const name = decodeURIComponent(url.parse(req.url).pathname).replace('../', '');
    fs.createReadStream(path.join(root, name)).pipe(res); // expect: path-traversal:25
  };
};
