/**
 * Vigil's VS Code client: starts the language server and owns only what needs the VS Code API (commands, the
 * status bar, the output channel). The analysis, the diagnostics and the fixes all come from the server.
 */
import * as vscode from 'vscode';
import { AnalysisActivity } from './analysis-activity';
import { registerCommands } from './commands';
import { VigilServer } from './language-client';
import { createOutputChannel, createTraceChannel } from './output';
import { createStatusBar } from './status-bar';

const enableSetting = 'vigil.enable';

let server: VigilServer | undefined;

function isEnabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(enableSetting, true);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = createOutputChannel();
  const trace = createTraceChannel(output);
  const activityChanged = new vscode.EventEmitter<string>();
  const activity = new AnalysisActivity((uri) => activityChanged.fire(uri));
  const serverModule = context.asAbsolutePath('dist/server.js');
  const vigil = new VigilServer(serverModule, output, trace, activity);
  server = vigil;

  context.subscriptions.push(
    output,
    trace,
    activityChanged,
    vigil,
    createStatusBar(vigil, activityChanged.event),
    registerCommands(vigil, output, isEnabled),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(enableSetting)) return;
      if (isEnabled()) await vigil.start();
      else await vigil.stop();
    }),
  );
  if (isEnabled()) await vigil.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
