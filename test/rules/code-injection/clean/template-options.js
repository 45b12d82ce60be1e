// expect: none
// The compiler's own parameter names, and the caller's whole code as the body, are its contract.
exports.compile = function compile(text) {
  return new Function('obj', '_', 'return ' + JSON.stringify(text) + ';');
};
exports.run = function run(code) {
  return new Function('obj', code);
};
exports.later = function later(fn) {
  setTimeout(fn, 100);
};
