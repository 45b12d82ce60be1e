const Koa = require('koa');
const Router = require('@koa/router');
const { deserialize } = require('serialize-to-js');
const Cryo = require('cryo');
const { WebSocketServer } = require('ws');

const app = new Koa();
const router = new Router();

router.post('/state', (ctx) => {
  const state = deserialize(ctx.request.body.state); // expect: insecure-deserialization:17
  ctx.body = { restored: Object.keys(state).length };
});

const wss = new WebSocketServer({ port: 8081 });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const event = Cryo.parse(data.toString()); // expect: insecure-deserialization:19
    socket.send(String(event.type));
  });
});

app.use(router.routes());
