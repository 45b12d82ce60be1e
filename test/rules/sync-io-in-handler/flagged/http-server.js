const http = require('http');
const fs = require('fs');

http.createServer((req, res) => {
  const files = fs.readdirSync('./public'); // expect: sync-io-in-handler
  res.end(JSON.stringify(files.map((f) => fs.statSync(`./public/${f}`).size))); // expect: sync-io-in-handler
}).listen(3000);
