/**
 * Latency and memory through the real server over stdio (`npm run bench:lsp`). Printed, not asserted: the
 * figures depend on the machine. Debounce is 0 (initialization options), so the latency is the server's work:
 * reparse, analysis, conversion and the round trip. The servers measured are the compiled sources (out/) and the
 * shipped bundle (dist/server.js, built by `npm run bundle`, which `npm run bench:lsp` runs first), started side by
 * side and given the same edits in turn, with the bare `ts.createSourceFile` of the same text timed between them in
 * this process: on a shared machine the load then weighs on all three alike, and the ratios compare like with like.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { LspClient, fileUri } from '../test/harness/lsp-client';
import { repoRoot } from '../test/harness/paths';
import { serverExecArgv } from '../shared/src/server-process';
import { serverMemory } from './server-memory';
import { table } from './stats';
import { type EditKind, editKinds, realText, typingEdits } from './real-text';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Server {
  name: string;
  script?: string;
}

/** The servers measured: the compiled sources, and the bundle users run when it has been built. */
function servers(): Server[] {
  const bundle = path.join(repoRoot, 'dist', 'server.js');
  return [{ name: 'out/' }, ...(fs.existsSync(bundle) ? [{ name: 'bundle (dist/server.js)', script: bundle }] : [])];
}

interface Latency {
  file: string;
  lines: number;
  open: number[];
  /** Per kind of edit, per server: each edit's time to diagnostics, the second time the edits are typed. */
  edits: Map<EditKind, number[][]>;
  /** The same, the first time: the server's JIT and the document's kept facts still warming up. */
  firstPass: Map<EditKind, number[][]>;
  parse: number[];
}

/**
 * Typing: a space added at the end of a line (layout), then an `x` typed at the end of an identifier in a function
 * body (a token), each taken away again, at places spread over the file (real-text.ts); each edit goes to every
 * server in turn (the order alternating), and every fourth one is followed by a bare parse of the text. The edits
 * are typed twice: the second pass is the server as it runs after a while, like the parse, which is warmed up.
 */
async function latency(clients: readonly LspClient[], folder: string, name: string, text: string, edits: number): Promise<Latency> {
  const uri = fileUri(path.join(folder, name));
  const lines = text.split('\n');
  const result: Latency = { file: name, lines: lines.length, open: [], edits: new Map(), firstPass: new Map(), parse: [] };
  const parse = (): void => {
    const t = performance.now();
    ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    result.parse.push(performance.now() - t);
  };
  for (let i = 0; i < 5; i++) parse();
  result.parse.length = 0;
  for (const client of clients) {
    const t = performance.now();
    await client.open(uri, text);
    await client.diagnosticsFor(uri, { version: 1, timeoutMs: 60000 });
    result.open.push(performance.now() - t);
  }
  let version = 1;
  for (const [pass, kind] of [result.firstPass, result.edits].flatMap((p) => editKinds.map((k) => [p, k] as const))) {
    const times: number[][] = clients.map(() => []);
    pass.set(kind, times);
    for (const { line, character, insert, typed } of typingEdits(text, edits, kind)) {
      version++;
      const change = insert
        ? { range: { start: { line, character }, end: { line, character } }, text: typed }
        : { range: { start: { line, character }, end: { line, character: character + typed.length } }, text: '' };
      const order = clients.map((_, i) => i);
      if (version % 4 >= 2) order.reverse();
      for (const i of order) {
        const t = performance.now();
        await clients[i].change(uri, version, [change]);
        await clients[i].diagnosticsFor(uri, { version, timeoutMs: 60000 });
        times[i].push(performance.now() - t);
      }
      if (version % 4 === 0) parse();
    }
  }
  for (const client of clients) await client.close(uri);
  return result;
}

const ms = (v: number): string => v.toFixed(1);
const ratio = (v: number): string => `${v.toFixed(2)}×`;

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const source = path.join(repoRoot, 'node_modules', 'sequelize', 'lib');
  const measured = servers();
  const edits = 240;
  try {
    console.log(`vigil language server over stdio, node ${process.version} ${serverExecArgv.join(' ')} (as the editor starts it), ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
    if (measured.length === 1) console.log('(no dist/server.js: `npm run bundle` builds it; `npm run bench:lsp` does)');
    const clients = measured.map((s) => new LspClient({ initializationOptions: { debounceMs: 0 }, server: s.script }));
    const runs: Latency[] = [];
    try {
      for (const client of clients) await client.initialize(folder);
      for (const lines of [2000, 10000]) {
        process.stderr.write(`  ${lines} lines…\n`);
        runs.push(await latency(clients, folder, `model-${lines / 1000}k.js`, realText(source, lines), edits));
      }
    } finally {
      for (const client of clients) await client.stop();
    }
    console.log(`\nedit → diagnostics, ${edits} edits of each kind per file, each given to every server in turn, typed twice (the rows: the second pass; the notes: the first, median [p95] / parse); sequelize's lib/ concatenated`);
    console.log('  layout: a space typed at the end of a line and taken away; token: an `x` typed at the end of an identifier in a function body and taken away');
    const rows: string[][] = [];
    for (const run of runs) {
      const parse = percentile(run.parse, 50);
      rows.push([`${run.file} (${run.lines} lines): bare ts.createSourceFile`, ms(parse), '', '1.00×', '', `${run.parse.length} parses`]);
      for (const [kind, times] of run.edits) {
        measured.forEach((server, i) => {
          const p50 = percentile(times[i], 50);
          const p95 = percentile(times[i], 95);
          const first = run.firstPass.get(kind)![i];
          const notes = [`first pass ${ratio(percentile(first, 50) / parse)} [${ratio(percentile(first, 95) / parse)}]`, ...(kind === editKinds[0] ? [`open → diagnostics ${ms(run.open[i])} ms`] : [])];
          rows.push([`  ${kind} edits, ${server.name}`, ms(p50), ms(p95), ratio(p50 / parse), ratio(p95 / parse), notes.join('; ')]);
        });
      }
    }
    console.log(table(['', 'median ms', 'p95 ms', 'median / parse', 'p95 / parse', 'notes'], rows));
    if (measured.length === 2) {
      const lines = runs.flatMap((run) =>
        [...run.edits].map(([kind, times]) => `${run.file}, ${kind} edits: bundle / out/ median ${ratio(percentile(times[1], 50) / percentile(times[0], 50))}, p95 ${ratio(percentile(times[1], 95) / percentile(times[0], 95))}`),
      );
      console.log(lines.join('\n'));
    }
    process.stderr.write('  200 files open…\n');
    const memories: Awaited<ReturnType<typeof serverMemory>>[] = [];
    for (const server of measured) memories.push(await serverMemory(folder, server.script));
    const first = memories[0];
    console.log(`\nserver RSS, a fresh server with ${first.files} typeorm files open and analysed (${first.lines} lines)`);
    console.log(table(['', 'idle MB', `${first.files} files open MB`], measured.map((server, i) => [server.name, memories[i].idle.toFixed(0), memories[i].open.toFixed(0)])));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
