// A variadic deep merge in ES5 style: its sources come in `arguments`, the element it descends into is held in a
// variable, and it is exported through a chained assignment.
function isPlain(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

var mergeAll = module.exports = function () {
  var target = arguments[0];
  var sources = Array.prototype.slice.call(arguments, 1);
  sources.forEach(function (source) {
    Object.keys(source).forEach(function (name) {
      var existing = target[name];
      var incoming = source[name];
      if (isPlain(existing) && isPlain(incoming)) {
        target[name] = mergeAll(existing, incoming); // expect: prototype-pollution:16
      } else {
        target[name] = incoming;
      }
    });
  });
  return target;
};
