// expect: none
const path = require('path');
const querystring = require('querystring');
const { parse } = require('url');
const memoize = require('./memoize');
const outputPathOf = require('./output-path');

const parseUrl = memoize(parse);
const PARENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

// `..` segments looked for once the decoded path is normalised.
module.exports = function fileForUrl(compiler, url) {
  const pathname = querystring.unescape(parseUrl(url).pathname);
  if (PARENT.test(path.normalize(`./${pathname}`))) return undefined;
  const filename = path.join(outputPathOf(compiler), pathname);
  return compiler.outputFileSystem.statSync(filename).isFile() ? filename : undefined;
};
