// expect: none
// Path walks and variadic merges that cannot reach Object.prototype, beside the flagged shapes.

function isSafeSegment(part) {
  return part !== '__proto__' && part !== 'constructor' && part !== 'prototype';
}

// The walk's keys are filtered by a function of the file that rejects the dangerous ones.
function assign(tree, path, value) {
  const parts = path.split('/').filter(isSafeSegment);
  for (let i = 0; i < parts.length; i++) {
    if (typeof tree[parts[i]] !== 'object') tree[parts[i]] = {};
    if (i === parts.length - 1) tree[parts[i]] = value;
    tree = tree[parts[i]];
  }
}

// The walk follows own properties only.
function put(store, dotted, value) {
  const keys = dotted.split('.');
  let holder = store;
  for (const k of keys.slice(0, -1)) {
    if (Object.getOwnPropertyNames(store).indexOf(k) === -1) return;
    holder = store;
    store = store[k];
  }
  holder[keys[keys.length - 1]] = value;
}

// A variadic merge that skips the key that leads to the prototype.
var mergeAll = function () {
  var target = arguments[0];
  var sources = Array.prototype.slice.call(arguments, 1);
  sources.forEach(function (source) {
    Object.keys(source).forEach(function (name) {
      if (name === '__proto__') return;
      var existing = target[name];
      target[name] = typeof existing === 'object' ? mergeAll(existing, source[name]) : source[name];
    });
  });
  return target;
};

// A cursor walk in a function the module keeps to itself, fed with its own keys.
function fill(tree, path, value) {
  for (const part of path.split('.')) tree = tree[part] = tree[part] || {};
  tree.value = value;
}
fill({}, 'a.b', 1);

// A cursor that moves by fixed names, not by the caller's keys.
function lastChild(node, name) {
  let cur = node;
  while (cur.children) cur = cur['children'];
  cur[name] = true;
}

// Exported only when the tests ask for it: not the module's interface.
function walkForTests(tree, path, value) {
  const keys = path.split('.');
  for (const k of keys.slice(0, -1)) tree = tree[k] = tree[k] || {};
  tree[keys[keys.length - 1]] = value;
}

module.exports = { assign, put, mergeAll, lastChild };
if (process.env.TEST_INTERNALS) {
  module.exports.walkForTests = walkForTests;
}
