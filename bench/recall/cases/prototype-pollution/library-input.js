// Utility modules in the shape of published prototype pollution advisories.
function isPlainObject(v) {
  return Object.prototype.toString.call(v) === '[object Object]';
}

function extend(dest, src) {
  Object.keys(src).forEach((k) => {
    if (isPlainObject(src[k])) {
      dest[k] = dest[k] || {}; // fault: prototype-pollution
      extend(dest[k], src[k]);
    } else {
      dest[k] = src[k];
    }
  });
  return dest;
}

function dset(obj, keys, val) {
  keys.split && (keys = keys.split('.'));
  let t = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    t = t[keys[i]] = t[keys[i]] || {}; // fault: prototype-pollution
  }
  t[keys[keys.length - 1]] = val;
}

function assignNested(obj, group, key, value) {
  obj[group][key] = value; // fault: prototype-pollution
}

function shallow(obj, key, value) {
  obj[key] = value; // safe: prototype-pollution
}

function safeSet(obj, path, value) {
  const parts = path.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (p === '__proto__' || p === 'constructor') return obj;
    cur = cur[p] = cur[p] || {}; // safe: prototype-pollution
  }
  cur[parts[parts.length - 1]] = value;
  return obj;
}

module.exports = { extend, dset, assignNested, shallow, safeSet };
