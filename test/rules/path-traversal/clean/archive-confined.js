// expect: none
const fs = require('fs');
const path = require('path');
const tar = require('tar-stream');
const mkdirp = require('mkdirp');
const yauzl = require('yauzl');

// Joined to the root first, a name cannot climb above `cwd`.
exports.extract = function extract(cwd, opts) {
  const xfs = opts.fs || fs;
  const extractor = tar.extract();
  extractor.on('entry', (header, stream, next) => {
    const name = path.join(cwd, path.join('/', header.name));
    if (header.type === 'link') return xfs.link(path.join(cwd, path.join('/', header.linkname)), name, next);
    // A symbolic link holds its target as text: making one opens nothing.
    if (header.type === 'symlink') return xfs.symlink(header.linkname, name, next);
    mkdirp(path.dirname(name), () => stream.pipe(xfs.createWriteStream(name)).on('finish', next));
  });
  return extractor;
};

// Resolved and compared with the destination and a separator.
exports.unzip = function unzip(file, dest) {
  const root = path.resolve(dest);
  yauzl.open(file, { lazyEntries: true }, (err, zipfile) => {
    zipfile.on('entry', (entry) => {
      const target = path.resolve(root, entry.fileName);
      if (!target.startsWith(root + path.sep)) return zipfile.readEntry();
      mkdirp(path.dirname(target), () => zipfile.openReadStream(entry, (e, rs) => rs.pipe(fs.createWriteStream(target))));
    });
  });
};

// A leading `..` looked for after normalising.
exports.unpack = function unpack(parser, dest) {
  parser.on('entry', (entry) => {
    const name = path.normalize(entry.path);
    if (name.startsWith('..') || path.isAbsolute(name)) return entry.autodrain();
    entry.pipe(fs.createWriteStream(path.join(dest, name)));
  });
};
