const http = require('http');
const url = require('url');

function renderError(message) {
  return '<p class="error">' + message + '</p>';
}

http.createServer((req, res) => {
  const query = url.parse(req.url, true).query;
  if (query.name) {
    res.write('<h1>Hello ' + query.name + '</h1>'); // expect: xss:30
  }
  res.end(renderError('No page at ' + req.url)); // expect: xss:11
}).listen(3000);
