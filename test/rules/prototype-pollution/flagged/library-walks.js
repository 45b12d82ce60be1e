// Library input reaching Object.prototype through path walks and variadic merges (the shapes of published
// prototype pollution advisories, written afresh).

function segments(path) {
  const out = [];
  for (const part of path.split('/')) if (part) out.push(part);
  return out;
}

// The path walk moves the parameter itself.
function assign(tree, path, value) {
  const parts = segments(path);
  for (let i = 0; i < parts.length; i++) {
    if (typeof tree[parts[i]] !== 'object') tree[parts[i]] = {}; // expect: prototype-pollution:50
    if (i === parts.length - 1) tree[parts[i]] = value;
    tree = tree[parts[i]];
  }
}

// A cursor that starts at one object and moves into it: `[section]` headers, then `key=value` lines.
function parseConfig(text) {
  const config = {};
  let current = config;
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = config[header[1]] = config[header[1]] || {};
      continue;
    }
    const [name, setting] = line.split('=');
    current[name.trim()] = setting; // expect: prototype-pollution:13
  }
  return config;
}

// The write goes through a second variable that follows the walking one.
function put(store, dotted, value) {
  const keys = dotted.split('.');
  let holder = store;
  for (const k of keys.slice(0, -1)) {
    holder = store;
    store = store[k];
  }
  holder[keys[keys.length - 1]] = value; // expect: prototype-pollution:10
}

// A type-tag test says what the input is, not which keys it has.
function expand(flat) {
  if (Object.prototype.toString.call(flat) !== '[object Object]') return flat;
  const root = {};
  Object.keys(flat).forEach((path) => {
    const parts = path.split('.');
    let node = root;
    parts.slice(0, -1).forEach((p) => {
      node = node[p] = node[p] || {}; // expect: prototype-pollution:19
    });
    node[parts[parts.length - 1]] = flat[path];
  });
  return root;
}

module.exports = assign;
assign.parseConfig = parseConfig;
if (typeof module === 'object') {
  module.exports.put = put;
}
exports.expand = exports.unflatten = expand;
