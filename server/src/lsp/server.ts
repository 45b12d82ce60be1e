/**
 * The language server: wires the connection to the documents, the scheduler, the settings and config files,
 * and the code actions. Started by bin/vigil-language-server.js (`--stdio`, `--node-ipc`, `--socket=<port>`)
 * and by the VS Code client over IPC; the transport comes from the command line.
 */
import '../core/typescript-plain'; // before anything requires typescript
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
import { buildFacts } from '../core/facts/facts';
import { ruleById, ruleIds, ruleOptionSpecs } from '../core/registry';
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
  type FileFindingsParams,
  type FileFindingsResult,
  type ReviewChecklistParams,
  type ReviewChecklistResult,
} from '../../../shared/src/protocol';
import { version } from '../cli/package-info';
import { attributedBlocks, recordAgentTrace } from './agent-trace-sync';
import { blockFacts } from './block-facts';
import { codeActions, fixAllKind, openDocsCommand } from './code-actions';
import { FolderConfigs, watchedConfigGlobs } from './config-files';
import { fileFindings } from './file-findings';
import { DocumentTrees } from './documents';
import { GitChanges } from './git-changes';
import { guarded } from './guard';
import { InsertedBlocks, insertedBlocksParams } from './inserted-blocks';
import { Notices } from './notices';
import { reviewChecklist } from './review-checklist';
import { ValidationScheduler } from './scheduler';
import { SettingsCache, defaultSettings, validateSettings } from './settings';
import { Validator } from './validation';
import { showDocs } from './show-docs';


export function startServer(connection: Connection): void {
  const trees = new DocumentTrees();
  const documents = new TextDocuments(trees);
  const notices = new Notices(connection);
  const configs = new FolderConfigs(ruleIds, (m) => notices.warnOnce(m), ruleOptionSpecs);
  const blocks = new InsertedBlocks();
  const git = new GitChanges();
  let capabilities: ClientCapabilities = {};
  let settings = new SettingsCache(undefined, ruleIds, defaultSettings, (m) => notices.warnOnce(m));
  let validator = new Validator(connection, documents, trees, settings, configs, notices, blocks, git);
  const scheduler = new ValidationScheduler(
    async (uri) => (await settings.get(uri)).debounceMs,
    guarded(notices, 'validation', undefined, (uri: string) => validator.validate(uri)),
  );
  const revalidateAll = (): void => documents.all().forEach((d) => scheduler.schedule(d.uri));

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configs.setFolders(folders);
    // Initialization options are the settings of clients that cannot answer workspace/configuration, and the base.
    const { settings: base, problems } = validateSettings(params.initializationOptions, ruleIds);
    problems.forEach((m) => notices.warnOnce(m));
    const fetch = capabilities.workspace?.configuration
      ? (uri: string): Promise<unknown> => connection.workspace.getConfiguration({ scopeUri: uri, section: 'vigil' })
      : undefined;
    settings = new SettingsCache(fetch, ruleIds, base, (m) => notices.warnOnce(m));
    validator = new Validator(connection, documents, trees, settings, configs, notices, blocks, git);
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
        watchers: watchedConfigGlobs.map((globPattern) => ({ globPattern })),
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guarded(notices, 'workspace folders', undefined, async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        configs.setFolders(folders.map((f) => f.uri));
        revalidateAll();
      }));
    }
  }));

  connection.onDidChangeConfiguration(guarded(notices, 'configuration change', undefined, (params) => {
    notices.resetWarnings();
    settings.reset(params.settings);
    revalidateAll();
  }));

  connection.onDidChangeWatchedFiles(guarded(notices, 'watched files', undefined, (params) => {
    if (!params.changes.some((c) => /(?:^|\/)(?:vigil\.config\.json|package\.json)$/.test(c.uri))) return;
    notices.resetWarnings();
    configs.reset();
    revalidateAll();
  }));

  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    settings.forget(e.document.uri);
    validator.close(e.document.uri);
  });

  connection.onCodeAction(guarded(notices, 'code actions', [] as CodeAction[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(params, {
      document,
      current: validator.cached(document.uri, document.version),
      context: () => validator.contextFor(document),
    });
  }));

  connection.onNotification(insertedBlocksNotification, guarded(notices, 'inserted blocks', undefined, async (raw: unknown) => {
    const params = insertedBlocksParams(raw);
    // Kept even before the document's didOpen: the client may send a reopened file's blocks first.
    if (!params) return;
    blocks.set(params);
    await validator.republish(params.uri);
  }));

  connection.onRequest(reviewChecklistRequest, guarded(notices, 'review checklist', { items: [] } as ReviewChecklistResult, async (params: ReviewChecklistParams) => {
    const document = documents.get(params.uri);
    if (!document) return { items: [] };
    const analysis = await validator.analysisOf(document);
    if (!analysis) return { items: [] };
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const inside = analysis.result.findings.filter((f) => document.offsetAt(f.range.start) < end && document.offsetAt(f.range.end) > start);
    const facts = blockFacts(buildFacts(trees.treeFor(document, analysis.fileName), analysis.fileName), start, end);
    return { items: reviewChecklist(inside, facts, (id) => ruleById(id)?.meta.title) };
  }));

  connection.onRequest(fileFindingsRequest, guarded(notices, 'file findings', { files: [] } as FileFindingsResult, (params: FileFindingsParams) =>
    fileFindings(params, documents, validator)));

  connection.onRequest(recordAgentTraceRequest, guarded(notices, 'record Agent Trace', { recorded: [] } as RecordAgentTraceResult, (params: RecordAgentTraceParams) =>
    recordAgentTrace(params, documents, blocks, { name: 'vigil', version })));

  connection.onRequest(attributedBlocksRequest, guarded(notices, 'Agent Trace blocks', { blocks: [] } as AttributedBlocksResult, (params: AttributedBlocksParams) =>
    attributedBlocks(params, documents)));

  connection.onExecuteCommand(guarded(notices, 'command', null, async (params) => {
    if (params.command === openDocsCommand) await showDocs(connection, capabilities, params.arguments?.[0]);
    return null;
  }));

  documents.listen(connection);
  connection.listen();
}

const connection = createConnection(ProposedFeatures.all);
// The last net under the per-handler guards: a stray rejection is logged, never fatal to the editor's session.
process.on('unhandledRejection', (reason) => connection.console.error(`Vigil: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
startServer(connection);
