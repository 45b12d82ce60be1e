// A template compiler's options name the compiled function's parameters and its scope: code all the same.
exports.compile = function compile(text, settings) {
  const body = 'return ' + JSON.stringify(text) + ';';
  return new Function(settings.variable || 'obj', '_', body); // expect: code-injection:23
};

exports.render = function render(src, opts) {
  const code = 'with(' + opts.localsName + ') {' + JSON.stringify(src) + '}';
  return new Function(code); // expect: code-injection:23
};

// A timer given a string compiles it.
exports.later = function later(opts) {
  setTimeout('refresh(' + opts.target + ')', 100); // expect: code-injection:14
};
