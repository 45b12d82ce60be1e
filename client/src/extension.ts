/**
 * Vigil's VS Code client: starts the language server and owns only what needs the VS Code API (commands, the
 * status bar, the output channel, and the tracking and review of inserted blocks). The analysis, the diagnostics,
 * their marks and the fixes all come from the server.
 */
import * as vscode from 'vscode';
import { registerAgentTrace } from './agent-trace';
import { AnalysisActivity } from './analysis-activity';
import { registerCommands } from './commands';
import { InsertedBlockTracker } from './inserted-blocks';
import { registerFindingsTool } from './language-model-tool';
import { registerInsertedLens } from './inserted-lens';
import { registerInsertedView } from './inserted-view';
import { OfferedEdits } from './offered-edits';
import { registerReviewCommands } from './review-commands';
import { VigilServer } from './language-client';
import { createOutputChannel, createTraceChannel } from './output';
import { createStatusBar } from './status-bar';
import { workspaceTrustedNotification } from '../../shared/src/protocol';

const enableSetting = 'vigil.enable';

let server: VigilServer | undefined;
let tracker: InsertedBlockTracker | undefined;

function isEnabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(enableSetting, true);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = createOutputChannel();
  const trace = createTraceChannel(output);
  const activityChanged = new vscode.EventEmitter<string>();
  const activity = new AnalysisActivity((uri) => activityChanged.fire(uri));
  const serverModule = context.asAbsolutePath('dist/server.js');
  const offered = new OfferedEdits();
  const vigil = new VigilServer(serverModule, output, trace, activity, offered);
  server = vigil;
  const blocks = new InsertedBlockTracker(context.workspaceState, vigil, offered);
  tracker = blocks;

  context.subscriptions.push(
    output,
    trace,
    activityChanged,
    vigil,
    blocks,
    createStatusBar(vigil, activityChanged.event, blocks),
    registerCommands(vigil, output, isEnabled),
    registerInsertedView(blocks),
    registerInsertedLens(blocks),
    registerReviewCommands(blocks, vigil),
    registerFindingsTool(vigil),
    registerAgentTrace(blocks, vigil, output),
    vscode.workspace.onDidGrantWorkspaceTrust(() => vigil.notify(workspaceTrustedNotification, {})),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(enableSetting)) return;
      if (isEnabled()) await vigil.start();
      else await vigil.stop();
    }),
  );
  if (isEnabled()) await vigil.start();
}

export async function deactivate(): Promise<void> {
  await tracker?.flush();
  tracker = undefined;
  await server?.stop();
  server = undefined;
}
