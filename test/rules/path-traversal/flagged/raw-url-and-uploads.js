const http = require('http');
const fs = require('fs');
const path = require('path');
const url = require('url');
const busboy = require('busboy');
const formidable = require('formidable');

const root = path.join(__dirname, 'public');

// The static-file server: the raw URL is the sender's, and parsing it does not clean it.
http.createServer((req, res) => {
  fs.createReadStream(path.join(root, req.url)).pipe(res); // expect: path-traversal:23
});

http.createServer((req, res) => {
  const pathname = url.parse(req.url).pathname;
  fs.readFile(root + decodeURIComponent(pathname), (err, data) => res.end(data)); // expect: path-traversal:15
});

// Koa 1's generator middleware reads the request from `this`.
module.exports = function mount(app) {
  app.use(function* () {
    this.body = fs.createReadStream(path.join(root, this.query.file)); // expect: path-traversal:37
  });
};

// Upload parsers hand over the client's file names.
http.createServer((req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    file.pipe(fs.createWriteStream(path.join(root, info.filename))); // expect: path-traversal:36
  });
  req.pipe(bb);
});

http.createServer((req, res) => {
  const form = formidable({});
  form.parse(req, (err, fields, files) => {
    fs.renameSync(files.doc.filepath, path.join(root, files.doc.originalFilename)); // expect: path-traversal:39
    res.end();
  });
});
