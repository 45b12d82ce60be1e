const fs = require('fs');
const path = require('path');

const TEMPLATES = path.join(__dirname, 'templates');

// The helper names its own base: a name that climbs out of it reaches any file, whoever calls it.
exports.loadTemplate = function loadTemplate(name) {
  return fs.readFileSync(path.join(TEMPLATES, name + '.html'), 'utf8'); // expect: path-traversal:26
};

// Read through a file system the caller passes in: the same files.
exports.loadPage = function loadPage(page, options) {
  return options.fs.readFileSync(path.join(TEMPLATES, 'pages', page), 'utf8'); // expect: path-traversal:34
};
