const AdmZip = require('adm-zip');
const fs = require('fs');
const path = require('path');
const unzipper = require('unzipper');

function extract(zipPath, dest) {
  const zip = new AdmZip(zipPath);
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    fs.writeFileSync(path.join(dest, entry.entryName), entry.getData()); // expect: path-traversal:22
  }
}

function extractStream(stream, dest) {
  stream.pipe(unzipper.Parse()).on('entry', (entry) => {
    entry.pipe(fs.createWriteStream(path.join(dest, entry.path))); // expect: path-traversal:37
  });
}

module.exports = { extract, extractStream };
