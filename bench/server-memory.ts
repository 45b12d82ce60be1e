/**
 * The language server's resident memory with many documents open: a fresh server over stdio, started with the
 * editor's flags and environment (shared/src/server-process.ts), 200 real files of typeorm opened at once and each
 * analysed. Shared by `npm run bench` (the table in one run) and `npm run bench:lsp` (beside the bundle).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, fileUri } from '../test/harness/lsp-client';
import { repoRoot } from '../test/harness/paths';
import { listJs } from './real-text';

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

export interface ServerMemory {
  /** RSS after initialize, before any document. */
  idle: number;
  /** RSS with every file open and analysed. */
  open: number;
  files: number;
  lines: number;
}

/** `script`: the server to start (the bundle); absent for the compiled sources. `folder`: an empty workspace. */
export async function serverMemory(folder: string, script: string | undefined, count = 200): Promise<ServerMemory> {
  const client = new LspClient({ initializationOptions: { debounceMs: 0 }, server: script });
  try {
    await client.initialize(folder);
    const idle = rssMb(client.process.pid!);
    const files = listJs(path.join(repoRoot, 'node_modules', 'typeorm')).filter((f) => !f.includes(`${path.sep}browser${path.sep}`)).slice(0, count);
    const uris = files.map((f, i) => fileUri(path.join(folder, 'open', `${i}-${path.basename(f)}`)));
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    await Promise.all(texts.map((text, i) => client.open(uris[i], text)));
    await Promise.all(uris.map((uri) => client.diagnosticsFor(uri, { version: 1, timeoutMs: 600000, includePast: true })));
    const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
    return { idle, open: rssMb(client.process.pid!), files: files.length, lines };
  } finally {
    // A server that died has nothing to stop; its own error is the one to see.
    await client.stop().catch(() => undefined);
  }
}
