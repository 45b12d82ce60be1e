const express = require('express');
const fs = require('fs');
const path = require('path');
const multer = require('multer');
const Busboy = require('busboy');
const formidable = require('formidable');

const app = express();
const upload = multer({ dest: 'tmp/' });
const dir = path.join(__dirname, 'uploads');

app.post('/upload', upload.single('avatar'), (req, res) => {
  fs.renameSync(req.file.path, path.join(dir, req.file.originalname)); // fault: path-traversal
  res.end();
});

app.post('/busboy', (req, res) => {
  const bb = Busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    file.pipe(fs.createWriteStream(path.join(dir, info.filename))); // fault: path-traversal
  });
  req.pipe(bb);
});

app.post('/formidable', (req, res) => {
  const form = formidable({});
  form.parse(req, (err, fields, files) => {
    fs.writeFileSync(path.join(dir, fields.name), 'x'); // fault: path-traversal
    res.end();
  });
});

app.get('/report', (req, res) => {
  const opts = Object.assign({}, { dir: 'reports' }, req.query);
  res.sendFile(path.join(__dirname, opts.dir, opts.file)); // fault: path-traversal
});

app.get('/parts', (req, res) => {
  const segments = [dir];
  segments.push(req.query.name);
  fs.readFile(segments.join('/'), (e, d) => res.send(d)); // fault: path-traversal
});

app.get('/then', (req, res) => {
  Promise.resolve(req.query.p).then((p) => {
    fs.readFile(path.join(dir, p), (e, d) => res.send(d)); // fault: path-traversal
  });
});

class Store {
  constructor(base) { this.base = base; }
  load(name) {
    return fs.readFileSync(path.join(this.base, name));
  }
}
const store = new Store(dir);
app.get('/store', (req, res) => {
  res.send(store.load(req.params.name)); // safe: path-traversal
});

app.get('/listed', (req, res) => {
  const allowed = ['a.txt', 'b.txt'];
  if (!allowed.includes(req.query.f)) return res.sendStatus(400);
  fs.readFile(path.join(dir, req.query.f), (e, d) => res.send(d)); // safe: path-traversal
});

app.get('/dots', (req, res) => {
  if (req.query.f.includes('..')) return res.sendStatus(400);
  fs.readFile('/data/' + req.query.f, (e, d) => res.send(d)); // fault: path-traversal
});
