const fs = require('graceful-fs');
const path = require('path');
const tar = require('tar-stream');
const mkdirp = require('mkdirp');
const pify = require('pify');
const fstream = require('fstream');

const fsP = pify(fs);

// A file system passed in as an option opens the same files as `fs`.
exports.extract = function extract(cwd, opts) {
  const xfs = opts.fs || fs;
  const extractor = tar.extract();
  extractor.on('entry', (header, stream, next) => {
    const name = path.join(cwd, header.name);
    if (header.type === 'link') {
      // A hard link to a path the archive names makes `name` another name of any file.
      return xfs.link(path.resolve(cwd, header.linkname), path.join(cwd, path.join('/', header.name)), next); // expect: path-traversal:23
    }
    mkdirp(path.dirname(name), (err) => { // expect: path-traversal:12
      if (err) return next(err);
      stream.pipe(xfs.createWriteStream(name)).on('finish', next); // expect: path-traversal:41
    });
  });
  return extractor;
};

// What a decompression plugin lists: a promisified `fs`, and the target of a link entry.
exports.writeLinks = (list, output) => list.then((files) => Promise.all(files.map((x) => fsP.link(x.linkname, path.join(output, 'links'))))); // expect: path-traversal:99

// fstream's Writer takes the path as an option.
exports.unzip = function unzip(parser, opts) {
  parser.on('entry', (entry) => {
    entry.pipe(fstream.Writer({ path: path.join(opts.path, entry.path) })); // expect: path-traversal:39
  });
};
