// A published utility module: the keys come from whoever calls it (the shape of most prototype pollution CVEs).
function isObject(value) {
  return value !== null && typeof value === 'object';
}

function deepMerge(target, source) {
  for (const key in source) {
    if (isObject(source[key])) {
      if (!isObject(target[key])) target[key] = {}; // expect: prototype-pollution:42
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let node = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    node = node[keys[i]] = node[keys[i]] || {}; // expect: prototype-pollution:17
  }
  node[keys[keys.length - 1]] = value;
  return obj;
}

function setIn(obj, section, name, value) {
  obj[section][name] = value; // expect: prototype-pollution:7
}

module.exports = { deepMerge, setPath, setIn };
