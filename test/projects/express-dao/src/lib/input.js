// expect: none
/** The search text a request carries. */
function getUserInput(req) {
  return req.body.q;
}

/** The page number a request asks for. */
function getPage(req) {
  return parseInt(req.query.page, 10) || 1;
}

module.exports = { getUserInput, getPage };
