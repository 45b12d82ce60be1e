import http from 'http';
import url from 'url';
import { exec, execSync } from 'child_process';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

// Node's own server: the query parsed out of the raw URL is still the sender's text.
http.createServer((req, res) => {
  const { query } = url.parse(req.url ?? '', true);
  exec('ping -c 1 ' + query.host, (e, out) => res.end(out)); // expect: command-injection:8
});

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url ?? '', 'http://localhost');
  const args = ['nslookup'];
  args.push(String(searchParams.get('name')));
  res.end(execSync(args.join(' '))); // expect: command-injection:20
});

const t = initTRPC.create();
export const appRouter = t.router({
  lookup: t.procedure.input(z.object({ host: z.string() })).mutation(({ input }) => {
    return execSync(`dig ${input.host}`).toString(); // expect: command-injection:21
  }),
});

export const resolvers = {
  Mutation: {
    archive: (_parent: unknown, args: { dir: string }) => execSync('tar czf out.tgz ' + args.dir), // expect: command-injection:68
  },
};
