// expect: none
const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();

const io = new Server(server, {
  cors: { origin: ['https://app.example.com'], credentials: true },
});

// Any origin, but without cookies: nothing of a signed-in user's is exposed.
const open = new Server({ cors: { origin: '*' } });

module.exports = { io, open };
