const http = require('http');
const fs = require('fs');

http.createServer((req, res) => {
  const files = fs.readdirSync('./public'); // expect: sync-io-in-handler:17
  res.end(JSON.stringify(files.map((f) => fs.statSync(`./public/${f}`).size))); // expect: sync-io-in-handler:43
}).listen(3000);
