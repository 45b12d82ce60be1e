const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();

// Socket.IO hands its `cors` option to the cors package: `origin: true` reflects any origin.
const io = new Server(server, {
  cors: { origin: true, credentials: true }, // expect: permissive-cors:11
});

const legacy = require('socket.io')(server, {
  cors: { origin: (origin, cb) => cb(null, true), credentials: true }, // expect: permissive-cors:11
});

module.exports = { io, legacy };
