const fs = require('fs');
const catchAsync = require('../utils/catchAsync');
const memoize = require('../utils/memoize');

// A wrapper written in this file, as Express's error handling asks of async handlers.
function wrap(fn) {
  return async (req, res, next) => {
    try {
      await fn(req, res, next);
    } catch (e) {
      next(e);
    }
  };
}

exports.download = catchAsync(async (rq, rs) => {
  rs.send(fs.readFileSync(`uploads/${rq.query.name}`)); // expect: path-traversal:27
});

exports.preview = wrap(async (rq, rs) => {
  rs.send(fs.readFileSync(`previews/${rq.params.name}`)); // expect: path-traversal:27
});

// The look-alike: a function memoised by key, whose first argument is a file name the server chose.
exports.template = memoize((rq) => fs.readFileSync(`templates/${rq.name}.html`, 'utf8'));
