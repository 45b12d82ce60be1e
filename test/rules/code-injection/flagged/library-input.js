// Library input: an expression from the caller compiled into code.
exports.compile = function compile(expr) {
  return new Function('data', 'return ' + expr); // expect: code-injection:31
};

export function evaluate(opts) {
  return eval('(' + opts.template + ')'); // expect: code-injection:15
}
