// expect: none
// A handler wrapper of the project: what it is given is called with the request.
const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next);

module.exports = catchAsync;
