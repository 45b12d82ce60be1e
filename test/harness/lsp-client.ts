/**
 * A real LSP client for the protocol tests and the latency bench: spawns bin/vigil-language-server.js --stdio
 * and speaks to it with vscode-languageserver-protocol. Waits are bounded: every wait has a timeout.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  ConfigurationRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths';
import { serverEnv, serverExecArgv } from '../../shared/src/server-process';

export const serverBin = path.join(repoRoot, 'bin', 'vigil-language-server.js');

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T): void;
}

/** Values as they arrive, and waits for one matching a predicate (including one that already arrived). */
class Inbox<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(value)) return true;
      w.resolve(value);
      return false;
    });
  }

  next(test: (value: T) => boolean, timeoutMs: number, what: string, includePast = false): Promise<T> {
    if (includePast) {
      const past = this.all.find(test);
      if (past !== undefined) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        test,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

export interface ClientOptions {
  /** The `vigil` section answered to workspace/configuration; undefined: the client cannot be asked. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** The server script to run with `--stdio`: bin/vigil-language-server.js (over out/) unless told (the bundle). */
  server?: string;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly messages = new Inbox<ShowMessageParams>();
  readonly registrations: string[] = [];
  stderr = '';
  settings: Record<string, unknown> | undefined;
  private readonly exited: Promise<number | null>;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings;
    this.process = spawn(process.execPath, [...serverExecArgv, options.server ?? serverBin, '--stdio'], { cwd: repoRoot, env: { ...process.env, ...serverEnv } });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.process.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const reader = new StreamMessageReader(this.process.stdout);
    // The reader re-arms a 10 s timer for as long as its last message is incomplete, and nothing clears it. A
    // server's stdout is a pipe, written asynchronously, so one that exits may cut its last message short: the
    // timer then kept a finished bench running. Nothing here listens for slow messages.
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.push(p));
    this.connection.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p));
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings ?? null));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
    });
    this.connection.listen();
  }

  async initialize(folder: string): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.settings !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { dataSupport: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(folder),
      workspaceFolders: [{ uri: fileUri(folder), name: path.basename(folder) }],
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'javascript'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The next diagnostics published for `uri` (at `version`, if given), or one already received when `includePast`.
   * The wait is a cap for a server that never answers, not a speed check: CI machines are shared, and a large
   * document's analysis under load takes seconds.
   */
  diagnosticsFor(uri: string, opts: { version?: number; timeoutMs?: number; includePast?: boolean; where?: (d: Diagnostic[]) => boolean } = {}): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next(
      (p) => p.uri === uri && (opts.version === undefined || p.version === opts.version) && (opts.where?.(p.diagnostics) ?? true),
      opts.timeoutMs ?? 30_000,
      `diagnostics for ${uri}${opts.version === undefined ? '' : ` v${opts.version}`}`,
      opts.includePast,
    );
  }

  codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', params) as Promise<CodeAction[]>;
  }

  /** Bytes straight onto the server's stdin, around the framing (for malformed-message tests). */
  writeRaw(data: string | Buffer): void {
    this.process.stdin.write(data);
  }

  /**
   * shutdown + exit; resolves with the exit code, or kills the process if it does not exit in time. The wait is a
   * cap, not a speed check: 3 s ran out on a machine at load 48.
   */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    try {
      if (this.process.exitCode === null) {
        await Promise.race([this.connection.sendRequest('shutdown'), this.exited]);
        await this.connection.sendNotification('exit');
      }
      return await this.exited;
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
    }
  }
}
