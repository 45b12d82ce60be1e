// expect: none
const AdmZip = require('adm-zip');
const fs = require('fs');
const path = require('path');

function extract(zipPath, dest) {
  const root = path.resolve(dest);
  const zip = new AdmZip(zipPath);
  for (const entry of zip.getEntries()) {
    const target = path.resolve(root, entry.entryName);
    if (!target.startsWith(root + path.sep)) continue;
    fs.writeFileSync(target, entry.getData());
  }
}

// adm-zip's own extractAllTo normalises entry names.
function extractAll(zipPath, dest) {
  new AdmZip(zipPath).extractAllTo(dest, true);
}

module.exports = { extract, extractAll };
