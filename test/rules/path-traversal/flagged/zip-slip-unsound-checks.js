const path = require('path');
const fileSystem = require('./fileSystem');

// A module of the package that hands out the file system it uses.
const fs = fileSystem.require();

function extractEntryTo(item, targetPath) {
  const target = path.resolve(targetPath, item.entryName);
  fs.writeFileSync(target, item.getData()); // expect: path-traversal:20
}

function extractPrefixed(zipfile, dest) {
  zipfile.on('entry', (entry) => {
    // A prefix test on a path that was never normalised: `dest/../../etc` starts with `dest`.
    const target = dest + '/' + entry.fileName;
    if (!target.startsWith(dest)) return;
    fs.writeFileSync(target, ''); // expect: path-traversal:22
  });
}

function extractReplaced(zipfile, dest) {
  zipfile.on('entry', (entry) => {
    // One `../` removed: `....//` becomes `../`.
    fs.writeFileSync(path.join(dest, entry.fileName.replace('../', '')), ''); // expect: path-traversal:22
  });
}

module.exports = { extractEntryTo, extractPrefixed, extractReplaced };
