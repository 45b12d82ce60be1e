/**
 * The language server: wires the connection to the core's Workspace (documents, analysis, config per file, fixes,
 * the review checklist), the scheduler, the settings and the code actions. Started by bin/vigil-language-server.js (`--stdio`, `--node-ipc`, `--socket=<port>`)
 * and by the VS Code client over IPC; the transport comes from the command line.
 */
import { fileURLToPath } from 'node:url';
import {
  ClientCapabilities,
  CodeAction,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver';
import { Workspace, analysableExtensions, configFileName } from '../core/workspace';
import {
  attributedBlocksRequest,
  fileFindingsRequest,
  recordAgentTraceRequest,
  type AttributedBlocksParams,
  type AttributedBlocksResult,
  type RecordAgentTraceParams,
  type RecordAgentTraceResult,
  insertedBlocksNotification,
  reviewChecklistRequest,
  workspaceTrustedNotification,
  workspaceTrustedOption,
  type FileFindingsParams,
  type FileFindingsResult,
  type ReviewChecklistParams,
  type ReviewChecklistResult,
} from '../../../shared/src/protocol';
import { version } from '../cli/package-info';
import { attributedBlocks, recordAgentTrace } from './agent-trace-sync';
import { codeActions, fixAllKind, openDocsCommand } from './code-actions';
import { fileFindings } from './file-findings';
import { WorkspaceDocuments } from './documents';
import { GitChanges } from './git-changes';
import { guarded } from './guard';
import { limitHeapGrowth } from './heap-growth';
import { InsertedBlocks, insertedBlocksParams } from './inserted-blocks';
import { Lifecycle, isClosedConnection, watchFraming } from './lifecycle';
import { Notices } from './notices';
import { ValidationScheduler } from './scheduler';
import { SettingsCache, defaultSettings, validateSettings } from './settings';
import { showDocs } from './show-docs';
import { Validator } from './validation';

/** The config files the server re-reads when they change (the Workspace finds them per file). */
const watchedConfigGlobs: readonly string[] = [`**/${configFileName}`, '**/package.json', '**/tsconfig.json', '**/jsconfig.json'];
/** Source files on disk feed the project index (what other files mount and import). */
const watchedSourceGlob = `**/*.{${analysableExtensions.map((e) => e.slice(1)).join(',')}}`;
const configFile = /(?:^|\/)(?:vigil\.config\.json|package\.json|[tj]sconfig\.json)$/;

/** The file paths of `file:` folder URIs (other schemes have no git and no config files). */
function filePaths(uris: readonly string[]): string[] {
  return uris.filter((uri) => uri.startsWith('file:')).flatMap((uri) => {
    try {
      return [fileURLToPath(uri)];
    } catch {
      return [];
    }
  });
}

export function startServer(connection: Connection): void {
  const lifecycle = new Lifecycle();
  const notices = new Notices(connection);
  // The index is built in the background (indexProjects below): no analysis waits for it.
  const workspace = new Workspace({ onConfigProblem: (m) => notices.warnOnce(`Vigil: ${m}`), indexOnDemand: false });
  const documents = new TextDocuments(new WorkspaceDocuments(workspace));
  const ruleIds = Workspace.ruleIds;
  const blocks = new InsertedBlocks();
  const git = new GitChanges();
  let capabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
  let settings = new SettingsCache(undefined, ruleIds, defaultSettings, (m) => notices.warnOnce(m));
  const revalidate = (uri: string): void => scheduler.schedule(uri);
  let validator = new Validator(connection, documents, workspace, settings, notices, blocks, git, revalidate);
  const scheduler = new ValidationScheduler(
    async (uri) => (await settings.get(uri)).debounceMs,
    guarded(notices, 'validation', undefined, (uri: string) => validator.validate(uri)),
  );
  const revalidateAll = (): void => documents.all().forEach((d) => scheduler.schedule(d.uri));

  /**
   * Indexes each workspace folder in the background, with a progress notification where the client shows one;
   * the documents analysed meanwhile used what was known, and are analysed again when a folder is done.
   */
  const indexProjects = async (folders: readonly string[]): Promise<void> => {
    for (const folder of folders) {
      const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('Vigil: indexing the project', 0, undefined, false);
      await workspace.indexInBackground(folder, (done, total) => progress?.report(Math.floor((done * 100) / Math.max(total, 1)), `${done} of ${total} files`));
      progress?.done();
      for (const p of workspace.indexedProjects()) {
        if (!p.complete) connection.console.info(`Vigil: the project index holds ${p.files} files of ${p.root} and is at its budget; the other files are not indexed, so findings that depend on them are not made.`);
      }
      revalidateAll();
    }
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = filePaths(folders);
    workspace.setRoots(workspaceFolders);
    git.setFolders(workspaceFolders);
    const options = params.initializationOptions as Record<string, unknown> | null | undefined;
    git.setTrusted(options?.[workspaceTrustedOption] !== false);
    // Initialization options are the settings of clients that cannot answer workspace/configuration, and the base.
    const { settings: base, problems } = validateSettings(params.initializationOptions, ruleIds);
    problems.forEach((m) => notices.warnOnce(m));
    const fetch = capabilities.workspace?.configuration
      ? (uri: string): Promise<unknown> => connection.workspace.getConfiguration({ scopeUri: uri, section: 'vigil' })
      : undefined;
    settings = new SettingsCache(fetch, ruleIds, base, (m) => notices.warnOnce(m));
    validator = new Validator(connection, documents, workspace, settings, notices, blocks, git, revalidate);
    lifecycle.markInitialized();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        executeCommandProvider: { commands: [openDocsCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'vigil' },
    };
  });

  connection.onInitialized(guarded(notices, 'initialized', undefined, async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'vigil' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...watchedConfigGlobs, watchedSourceGlob].map((globPattern) => ({ globPattern })),
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guarded(notices, 'workspace folders', undefined, async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        workspace.setRoots(filePaths(folders.map((f) => f.uri)));
        git.setFolders(filePaths(folders.map((f) => f.uri)));
        revalidateAll();
        await indexProjects(filePaths(folders.map((f) => f.uri)));
      }));
    }
    await indexProjects(workspaceFolders);
  }));

  connection.onDidChangeConfiguration(guarded(notices, 'configuration change', undefined, (params) => {
    notices.resetWarnings();
    settings.reset(params.settings);
    revalidateAll();
  }));

  connection.onDidChangeWatchedFiles(guarded(notices, 'watched files', undefined, (params) => {
    // A source file saved, created or deleted outside the editor: the documents that use its summary are analysed again.
    for (const change of params.changes.filter((c) => !configFile.test(c.uri))) {
      for (const file of filePaths([change.uri])) workspace.fileChangedOnDisk(file).forEach(revalidate);
    }
    if (!params.changes.some((c) => configFile.test(c.uri))) return;
    notices.resetWarnings();
    workspace.configChanged();
    revalidateAll();
  }));

  // Before `initialize` a notification is dropped (the protocol's rule); nothing is published to a client that has not said who it is.
  documents.onDidChangeContent((e) => {
    if (lifecycle.isInitialized) scheduler.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    settings.forget(e.document.uri);
    validator.close(e.document.uri);
  });

  connection.onCodeAction(lifecycle.afterInitialize(guarded(notices, 'code actions', [] as CodeAction[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(params, { document, workspace, context: () => validator.contextFor(document) });
  })));

  connection.onNotification(insertedBlocksNotification, guarded(notices, 'inserted blocks', undefined, async (raw: unknown) => {
    const params = insertedBlocksParams(raw);
    // Kept even before the document's didOpen: the client may send a reopened file's blocks first.
    if (!params) return;
    blocks.set(params);
    await validator.republish(params.uri);
  }));

  connection.onNotification(workspaceTrustedNotification, guarded(notices, 'workspace trust', undefined, () => {
    git.setTrusted(true);
    revalidateAll();
  }));

  connection.onRequest(reviewChecklistRequest, lifecycle.afterInitialize(guarded(notices, 'review checklist', { items: [] } as ReviewChecklistResult, async (params: ReviewChecklistParams) => {
    const document = documents.get(params.uri);
    if (!document) return { items: [] };
    const { options, active } = await validator.contextFor(document);
    if (!active) return { items: [] };
    return { items: workspace.checklist(document.uri, params.range, options) };
  })));

  connection.onRequest(fileFindingsRequest, lifecycle.afterInitialize(guarded(notices, 'file findings', { files: [] } as FileFindingsResult, (params: FileFindingsParams) =>
    fileFindings(params, documents, workspace, validator))));

  connection.onRequest(recordAgentTraceRequest, lifecycle.afterInitialize(guarded(notices, 'record Agent Trace', { recorded: [] } as RecordAgentTraceResult, (params: RecordAgentTraceParams) =>
    recordAgentTrace(params, documents, blocks, { name: 'vigil', version }))));

  connection.onRequest(attributedBlocksRequest, lifecycle.afterInitialize(guarded(notices, 'Agent Trace blocks', { blocks: [] } as AttributedBlocksResult, (params: AttributedBlocksParams) =>
    attributedBlocks(params, documents))));

  connection.onExecuteCommand(lifecycle.afterInitialize(guarded(notices, 'command', null, async (params) => {
    if (params.command === openDocsCommand) await showDocs(connection, capabilities, params.arguments?.[0]);
    return null;
  })));

  documents.listen(connection);
  connection.listen();
}

limitHeapGrowth();
const connection = createConnection(ProposedFeatures.all);
/** The client is gone (it closed the server's output): there is no one to tell, so leave quietly. */
const leave = (): never => process.exit(1);
// The last net under the per-handler guards: a stray rejection is logged, never fatal to the editor's session.
process.on('unhandledRejection', (reason) => {
  if (isClosedConnection(reason)) leave();
  try {
    connection.console.error(`Vigil: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  } catch (error) {
    if (isClosedConnection(error)) leave();
    throw error;
  }
});
if (process.argv.includes('--stdio')) {
  watchFraming(process.stdin, (fault) => {
    process.stderr.write(`Vigil: the client's messages are not framed as the Language Server Protocol requires (${fault}); the server cannot find the next message, so it stops.\n`);
    process.exit(1);
  });
}
startServer(connection);
