// expect: none
// Consistently snake_case is consistent.
const path = require('node:path');

function read_manifest(dir) {
  const manifest_path = path.join(dir, 'manifest.json');
  return require(manifest_path);
}

function list_entries(manifest) {
  return Object.keys(manifest.entries);
}

function resolve_entry(manifest, name) {
  const entry_path = manifest.entries[name];
  return entry_path && path.resolve(entry_path);
}

module.exports = { read_manifest, list_entries, resolve_entry };
