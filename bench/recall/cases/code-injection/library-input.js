const vm = require('vm');

// Library input: an expression from the caller compiled into code.
exports.compile = function compile(expr) {
  return new Function('data', 'return ' + expr); // fault: code-injection
};

exports.evaluate = function evaluate(opts) {
  return eval('(' + opts.template + ')'); // fault: code-injection
};

exports.runCode = function runCode(code) {
  return vm.runInThisContext(code); // safe: code-injection
};
