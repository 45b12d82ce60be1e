/**
 * A language client that writes every frame itself, so the fuzzer can send malformed bodies between well-formed
 * messages without racing a library writer, and reads the server's messages with vscode-jsonrpc's reader. It
 * answers the server's own requests (configuration, registration) and keeps only the latest publish per
 * document, so a run of 100,000 messages holds no history.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { StreamMessageReader, type Message, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { serverBin } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';

interface Pending {
  resolve(value: { result?: unknown; error?: { code: number; message: string } }): void;
}

export class RawClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;
  stderr = '';
  /** Frames written. */
  sent = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  constructor(private readonly settings: Record<string, unknown>) {
    this.process = spawn(process.execPath, [serverBin, '--stdio'], { cwd: repoRoot });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => {
      this.exitCode = code;
      for (const p of this.pending.values()) p.resolve({ error: { code: -1, message: 'server exited' } });
      this.pending.clear();
      resolve(code);
    }));
    this.process.stderr.on('data', (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.process.stdin.on('error', () => undefined);
    new StreamMessageReader(this.process.stdout).listen((message) => this.receive(message));
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  onPublish(listener: (p: PublishDiagnosticsParams) => void): void {
    this.publishListeners.push(listener);
  }

  writeBody(body: string | Buffer): void {
    if (!this.alive) return;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
    this.sent++;
  }

  notify(method: string, params: unknown): void {
    this.writeBody(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  /** Resolves with the response, or with `undefined` when none comes within `timeoutMs` (a hang). */
  request(method: string, params: unknown, timeoutMs: number): Promise<{ result?: unknown; error?: { code: number; message: string } } | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
      this.writeBody(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  async initialize(folderUri: string): Promise<boolean> {
    const answer = await this.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'fuzz' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    }, 30_000);
    this.notify('initialized', {});
    return answer?.result !== undefined;
  }

  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exitCode ?? null;
  }

  private receive(message: Message): void {
    const m = message as { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      // A request from the server.
      const result = m.method === 'workspace/configuration'
        ? ((m.params as { items?: unknown[] } | undefined)?.items ?? []).map(() => this.settings)
        : null;
      this.writeBody(JSON.stringify({ jsonrpc: '2.0', id: m.id, result }));
      return;
    }
    if (m.method === 'textDocument/publishDiagnostics') {
      for (const listener of this.publishListeners) listener(m.params as PublishDiagnosticsParams);
      return;
    }
    if (m.method === undefined && typeof m.id === 'number') {
      this.pending.get(m.id)?.resolve({ result: m.result, error: m.error });
      this.pending.delete(m.id);
    }
  }
}
