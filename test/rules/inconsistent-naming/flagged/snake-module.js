// A file written in snake_case throughout, with one camelCase helper pasted in.
const path = require('node:path');

function read_manifest(dir) {
  const manifest_path = path.join(dir, 'manifest.json');
  return require(manifest_path);
}

function list_entries(manifest) {
  return Object.keys(manifest.entries);
}

function resolveEntry(manifest, name) { // expect: inconsistent-naming:10
  const entry_path = manifest.entries[name];
  return entry_path && path.resolve(entry_path);
}

function build_index(dir) {
  const manifest = read_manifest(dir);
  const index_map = new Map();
  for (const name of list_entries(manifest)) index_map.set(name, resolveEntry(manifest, name));
  return index_map;
}

module.exports = { build_index };
