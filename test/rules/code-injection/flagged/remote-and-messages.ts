import { Script } from 'node:vm';
import { Server } from 'socket.io';

export async function loadPlugin(url: string) {
  const res = await fetch(url);
  const source = await res.text();
  return new Script(source).runInThisContext(); // expect: code-injection:21
}

window.addEventListener('message', (event) => {
  eval(event.data); // expect: code-injection:8
});

const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('run', (payload: { code: string }) => {
    const fn = Function(payload.code); // expect: code-injection:25
    socket.emit('result', fn());
  });
});
