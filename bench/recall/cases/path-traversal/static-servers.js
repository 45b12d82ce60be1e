const http = require('http');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const url = require('url');

const root = path.join(__dirname, 'public');

http.createServer((req, res) => {
  fs.createReadStream(path.join(root, req.url)).pipe(res); // fault: path-traversal
});

http.createServer((req, res) => {
  const pathname = url.parse(req.url).pathname;
  fs.readFile(root + pathname, (err, data) => res.end(data)); // fault: path-traversal
});

http.createServer(async (req, res) => {
  const { pathname } = new URL(req.url, `http://${req.headers.host}`);
  const file = decodeURIComponent(pathname);
  res.end(await fsp.readFile(path.normalize(path.join(root, file)))); // fault: path-traversal
});

http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const name = u.searchParams.get('file');
  fs.stat(path.resolve(root, name), () => res.end()); // fault: path-traversal
});

http.createServer((req, res) => {
  const file = path.resolve(root, '.' + req.url);
  if (!file.startsWith(root + path.sep)) { res.statusCode = 403; return res.end(); }
  fs.createReadStream(file).pipe(res); // safe: path-traversal
});

http.createServer((req, res) => {
  const name = path.basename(req.url);
  fs.createReadStream(path.join(root, name)).pipe(res); // safe: path-traversal
});

// Koa 1 generator handlers read the request from `this`.
module.exports = function mount(app) {
  app.use(function* () {
    this.body = fs.createReadStream(path.join(root, this.query.file)); // fault: path-traversal
  });
};
