// expect: none
const http = require('http');
const url = require('url');
const escapeHtml = require('escape-html');

function renderError(message) {
  return '<p class="error">' + escapeHtml(message) + '</p>';
}

function statusLine(message) {
  return 'Error: ' + message;
}

http.createServer((req, res) => {
  const query = url.parse(req.url, true).query;
  if (query.name) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('<h1>Hello ' + query.name + '</h1>');
    return;
  }
  res.write(renderError('No page at ' + req.url));
  res.end(statusLine(req.url));
}).listen(3000);
