const path = require('path');
const querystring = require('querystring');
const { parse } = require('url');
const memoize = require('./memoize');
const outputPathOf = require('./output-path');

const parseUrl = memoize(parse);

// A dev server's lookup from a URL its caller got to a file of the build output: the memoised parser parses.
module.exports = function fileForUrl(compiler, url) {
  const { pathname } = parseUrl(url);
  const filename = path.join(outputPathOf(compiler), querystring.unescape(pathname));
  return compiler.outputFileSystem.statSync(filename).isFile() ? filename : undefined; // expect: path-traversal:45
};
