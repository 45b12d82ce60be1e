import { exec } from 'child_process';
import { execa, execaCommand, $ } from 'execa';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

const io = new Server();
io.on('connection', (socket) => {
  socket.on('ping-host', (data) => {
    exec(`ping -c 1 ${data.host}`); // fault: command-injection
  });
});

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', (msg) => {
    const job = JSON.parse(msg.toString());
    exec('run-job ' + job.name); // fault: command-injection
  });
});

const t = initTRPC.create();
export const router = t.router({
  lookup: t.procedure.input(z.object({ host: z.string() })).mutation(({ input }) => {
    exec('dig ' + input.host); // fault: command-injection
  }),
});

export const resolvers = {
  Mutation: {
    archive: (_parent: unknown, args: { path: string }) => {
      exec(`zip -r out.zip ${args.path}`); // fault: command-injection
    },
  },
};

export async function handler(req: { body: { file: string } }, res: { end(): void }) {
  await execaCommand(`identify ${req.body.file}`); // fault: command-injection
  await $`identify ${req.body.file}`; // safe: command-injection
  await execa('identify', [req.body.file]); // safe: command-injection
  res.end();
}
