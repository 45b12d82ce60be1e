const fs = require('fs');
const path = require('path');

const BASE = path.join(__dirname, 'templates');

// The helper names its own base: a name that climbs out of it is a fault whoever calls it.
exports.loadTemplate = function loadTemplate(name) {
  return fs.readFileSync(path.join(BASE, name + '.html'), 'utf8'); // fault: path-traversal
};

exports.readConfig = function readConfig(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')); // safe: path-traversal
};

exports.safeTemplate = function safeTemplate(name) {
  const full = path.resolve(BASE, name);
  if (!full.startsWith(BASE + path.sep)) throw new Error('outside');
  return fs.readFileSync(full, 'utf8'); // safe: path-traversal
};
