/**
 * Agent Trace in the editor. When a document opens, the lines other tools' (or earlier sessions') Agent Trace notes
 * attribute to an assistant become inserted blocks, so code an agent wrote outside this editor is reviewed like code
 * accepted in it. When `vigil.agentTrace.record` is on, each new commit (seen through VS Code's built-in git
 * extension) has the blocks it holds recorded in its git note, so who wrote a line outlives the editor.
 */
import * as vscode from 'vscode';
import {
  attributedBlocksRequest, recordAgentTraceRequest, type AttributedBlocksResult, type RecordAgentTraceResult,
} from '../../shared/src/protocol';
import { isTracked, type InsertedBlockTracker } from './inserted-blocks';
import type { VigilServer } from './language-client';

export const recordSetting = 'vigil.agentTrace.record';

/** The part of the git extension's API (`vscode.git`, getAPI(1)) this reads. */
interface GitRepository {
  rootUri: vscode.Uri;
  state: { HEAD?: { commit?: string }; onDidChange: vscode.Event<void> };
}
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  try {
    return (await extension.activate()).getAPI(1);
  } catch {
    return undefined;
  }
}

export function registerAgentTrace(tracker: InsertedBlockTracker, server: VigilServer, output: vscode.LogOutputChannel): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];

  const readNotes = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || !isTracked(document)) return;
    const result = await server.request<AttributedBlocksResult>(attributedBlocksRequest, { uri: document.uri.toString() });
    if (!result || result.blocks.length === 0) return;
    tracker.adopt(document.uri, result.blocks.map((b) => ({
      range: new vscode.Range(b.range.start.line, b.range.start.character, b.range.end.line, b.range.end.character),
      insertedAt: b.insertedAt,
      reviewed: b.reviewed,
    })));
  };
  subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void readNotes(d)),
    server.onDidChangeState((state) => {
      if (state === 'running') vscode.workspace.textDocuments.forEach((d) => void readNotes(d));
    }),
  );

  const heads = new Map<string, string | undefined>();
  const watch = (repository: GitRepository): void => {
    const key = repository.rootUri.toString();
    heads.set(key, repository.state.HEAD?.commit);
    subscriptions.push(repository.state.onDidChange(async () => {
      const head = repository.state.HEAD?.commit;
      const before = heads.get(key);
      heads.set(key, head);
      if (!head || head === before || !vscode.workspace.getConfiguration().get<boolean>(recordSetting, false)) return;
      const uris = tracker.urisWithBlocks().filter((u) => u.toString().startsWith(key.endsWith('/') ? key : `${key}/`));
      if (uris.length === 0) return;
      const result = await server.request<RecordAgentTraceResult>(recordAgentTraceRequest, { uris: uris.map((u) => u.toString()) });
      if (result && result.recorded.length > 0) output.info(`Agent Trace: recorded the inserted blocks of ${result.recorded.length} file(s) in ${head.slice(0, 7)}`);
    }));
  };
  void gitApi().then((api) => {
    if (!api) return;
    api.repositories.forEach(watch);
    subscriptions.push(api.onDidOpenRepository(watch));
  });

  return vscode.Disposable.from({ dispose: () => subscriptions.forEach((s) => s.dispose()) });
}
