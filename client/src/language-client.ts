/**
 * Starts the Vigil language server over IPC and keeps it running: a crash is restarted with back-off, and after
 * too many crashes the user is told once (with the way to the log and to a manual restart) instead of once per
 * crash.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { AnalysisActivity } from './analysis-activity';
import { Backoff } from './backoff';
import type { OfferedEdits, PlainEdit } from './offered-edits';
import { workspaceTrustedOption } from '../../shared/src/protocol';
import { serverEnv, serverExecArgv } from '../../shared/src/server-process';

export const languages = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

export type ServerState = 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';

export class VigilServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff = new Backoff();
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private current: ServerState = 'stopped';
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly traceOutput: vscode.LogOutputChannel,
    readonly activity: AnalysisActivity,
    private readonly offered: OfferedEdits,
  ) {}

  get state(): ServerState {
    return this.current;
  }

  async start(): Promise<void> {
    this.client ??= this.createClient();
    this.setState('starting');
    try {
      await this.client.start();
    } catch (error) {
      // A crash during start-up also reaches the close handler, which owns the restart; here it is only logged.
      this.output.error(`The language server did not start: ${String(error)}`);
      if (this.current === 'starting') this.setState('failed');
    }
  }

  async stop(): Promise<void> {
    this.cancelRestart();
    const client = this.client;
    this.client = undefined;
    if (client) {
      if (client.state !== State.Stopped) await client.stop().catch((e) => this.output.error(`Stopping: ${String(e)}`));
      await client.dispose().catch(() => undefined);
    }
    this.activity.clear();
    this.setState('stopped');
  }

  /** What `Vigil: Restart server` does: a fresh server and a fresh crash count. */
  async restart(): Promise<void> {
    this.backoff.reset();
    await this.stop();
    await this.start();
  }

  /** A notification to the running server; dropped while it is not running (state is re-sent on start). */
  notify(method: string, params: object): void {
    if (this.client?.state !== State.Running) return;
    this.client.sendNotification(method, params).catch((e) => this.output.error(`${method}: ${String(e)}`));
  }

  /** A request to the server, or undefined when it is not running or fails. */
  async request<R>(method: string, params: object): Promise<R | undefined> {
    if (this.client?.state !== State.Running) return undefined;
    try {
      return await this.client.sendRequest<R>(method, params);
    } catch (e) {
      this.output.error(`${method}: ${String(e)}`);
      return undefined;
    }
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanged.fire(state);
  }

  private cancelRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  private createClient(): LanguageClient {
    const serverOptions: ServerOptions = { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv], env: { ...serverEnv } } };
    const activity = this.activity;
    const offered = this.offered;
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // No `synchronize`: the server registers for configuration changes and for its config files itself, and
      // pulls settings per document with workspace/configuration.
      // In a workspace not yet trusted the server runs no program at all (git, for `vigil.focus: "changed"`).
      initializationOptions: { [workspaceTrustedOption]: vscode.workspace.isTrusted },
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) > 3 ? ErrorAction.Shutdown : ErrorAction.Continue }),
        closed: () => this.onServerClosed(),
      },
      middleware: {
        didOpen: (document, next) => {
          activity.sent(document.uri.toString());
          return next(document);
        },
        didChange: (event, next) => {
          activity.sent(event.document.uri.toString());
          return next(event);
        },
        // Vigil's fixes are remembered as they are offered, so that applying one is not taken for inserted code.
        provideCodeActions: async (document, range, context, token, next) => {
          const actions = await next(document, range, context, token);
          const edits: PlainEdit[] = [];
          for (const action of actions ?? []) {
            if (!('edit' in action) || !action.edit) continue;
            for (const edit of action.edit.get(document.uri)) edits.push({ range: { start: edit.range.start, end: edit.range.end }, text: edit.newText });
          }
          offered.offered(document.uri.toString(), edits);
          return actions;
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          activity.published(uri.toString());
        },
      },
    };
    const client = new LanguageClient('vigil', 'Vigil', serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
    });
    return client;
  }

  private onServerClosed(): { action: CloseAction; handled: boolean; message: string } {
    this.activity.clear();
    const delay = this.backoff.crashed(Date.now());
    if (delay === undefined) {
      this.setState('failed');
      void this.reportGivingUp(this.backoff.count);
      return { action: CloseAction.DoNotRestart, handled: true, message: 'The Vigil language server stopped too often; it is not restarted.' };
    }
    this.setState('restarting');
    this.cancelRestart();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.start();
    }, delay);
    return { action: CloseAction.DoNotRestart, handled: true, message: `The Vigil language server stopped; restarting it in ${delay} ms.` };
  }

  private async reportGivingUp(crashes: number): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `The Vigil language server stopped ${crashes} times in a few minutes, so it was not restarted again. The output shows why.`,
      'Show output',
      'Restart',
    );
    if (choice === 'Show output') this.output.show();
    else if (choice === 'Restart') await this.restart();
  }
}
