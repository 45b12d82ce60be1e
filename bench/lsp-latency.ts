/**
 * Latency and memory through the real server over stdio (`npm run bench:lsp`). Printed, not asserted: the
 * figures depend on the machine. Debounce is 0 (initialization options), so the latency is the server's work:
 * reparse, analysis, conversion and the round trip. Beside it, the bare `ts.createSourceFile` time for the same
 * text in this process, which is what an unincremental server would pay per keystroke at least. Run over out/ and,
 * when it has been built, over the shipped bundle (dist/server.js), one after the other in the same run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { LspClient, fileUri } from '../test/harness/lsp-client';
import { repoRoot } from '../test/harness/paths';

/** Real server-side code: whole files of a library's source, concatenated until the text has `lines` lines. */
function realText(dir: string, lines: number): string {
  const files = listJs(dir);
  const parts: string[] = [];
  let count = 0;
  for (const file of files) {
    if (count >= lines) break;
    const text = fs.readFileSync(file, 'utf8');
    parts.push(text);
    count += text.split('\n').length;
  }
  return parts.join('\n').split('\n').slice(0, lines).join('\n');
}

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (/\.js$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) out.push(full);
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function latency(client: LspClient, folder: string, name: string, text: string, edits: number): Promise<void> {
  const uri = fileUri(path.join(folder, name));
  const lines = text.split('\n');
  const parse: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    parse.push(performance.now() - t);
  }

  const t0 = performance.now();
  await client.open(uri, text);
  await client.diagnosticsFor(uri, { version: 1, timeoutMs: 30000 });
  const open = performance.now() - t0;

  // Typing: a character added at the end of a line, then taken away, at lines spread over the file.
  const changes: number[] = [];
  let seed = 7;
  let line = 0;
  for (let version = 2; version < edits + 2; version++) {
    if (version % 2 === 0) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      line = seed % lines.length;
    }
    const end = lines[line].length;
    const change = version % 2 === 0
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: ' ' }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
    const t = performance.now();
    await client.change(uri, version, [change]);
    await client.diagnosticsFor(uri, { version, timeoutMs: 30000 });
    changes.push(performance.now() - t);
  }
  await client.close(uri);
  console.log(
    `  ${name}: ${lines.length} lines, ${(text.length / 1024).toFixed(0)} KB\n` +
      `  open → diagnostics        ${fmt(open)}\n` +
      `  change → diagnostics      median ${fmt(percentile(changes, 50))}, p95 ${fmt(percentile(changes, 95))} over ${changes.length} edits\n` +
      `  bare ts.createSourceFile  median ${fmt(percentile(parse, 50))} (this process, same text)`,
  );
}

/** The servers measured: the compiled sources, and the bundle users run when it has been built (`npm run bundle`). */
function servers(): { name: string; script?: string }[] {
  const bundle = path.join(repoRoot, 'dist', 'server.js');
  return [{ name: 'out/ (bin/vigil-language-server.js)' }, ...(fs.existsSync(bundle) ? [{ name: 'bundle (dist/server.js)', script: bundle }] : [])];
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const source = path.join(repoRoot, 'node_modules', 'sequelize', 'lib');
  try {
    console.log(`vigil language server over stdio, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
    if (servers().length === 1) console.log('(no dist/server.js: run `npm run bundle` to measure the bundle beside out/)');
    for (const server of servers()) {
      console.log(`\n${server.name}`);
      const client = new LspClient({ initializationOptions: { debounceMs: 0 }, server: server.script });
      try {
        await client.initialize(folder);
        await latency(client, folder, 'model-2k.js', realText(source, 2000), 240);
        await latency(client, folder, 'model-10k.js', realText(source, 10000), 240);
      } finally {
        await client.stop();
      }
      await memory(folder, server.script);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Memory, in a fresh server: 200 real files open at once, each analysed. */
async function memory(folder: string, script: string | undefined): Promise<void> {
  const client = new LspClient({ initializationOptions: { debounceMs: 0 }, server: script });
  try {
    await client.initialize(folder);
    const idle = rssMb(client.process.pid!);
    const files = listJs(path.join(repoRoot, 'node_modules', 'typeorm')).filter((f) => !f.includes(`${path.sep}browser${path.sep}`)).slice(0, 200);
    const uris = files.map((f, i) => fileUri(path.join(folder, 'open', `${i}-${path.basename(f)}`)));
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    await Promise.all(texts.map((text, i) => client.open(uris[i], text)));
    await Promise.all(uris.map((uri) => client.diagnosticsFor(uri, { version: 1, timeoutMs: 60000, includePast: true })));
    const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
    console.log(`  RSS: ${idle.toFixed(0)} MB idle after initialize; ${rssMb(client.process.pid!).toFixed(0)} MB with ${files.length} files open and analysed (${lines} lines of typeorm)`);
  } finally {
    await client.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
