/**
 * The status bar item: Vigil's findings in the active file by severity, a spinner while the server analyses it,
 * the inserted blocks awaiting review, and the server's state when it is not running. A click opens the
 * "Inserted code" view when the file has blocks to review, else lists the findings in the Problems panel.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticSource } from '../../shared/src/protocol';
import { countBySeverity, statusText, statusTooltip, type SeverityValue } from './finding-counts';
import type { InsertedBlockTracker } from './inserted-blocks';
import { languages, type VigilServer } from './language-client';
import { showInsertedCodeCommand } from './review-commands';

export const showProblemsCommand = 'vigil.showProblems';

export function createStatusBar(server: VigilServer, onActivity: vscode.Event<string>, tracker: InsertedBlockTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('vigil.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Vigil';
  item.command = showProblemsCommand;

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    if (!document || !(languages as readonly string[]).includes(document.languageId)) {
      item.hide();
      return;
    }
    item.backgroundColor = undefined;
    const toReview = tracker.blocksOf(document.uri).filter((b) => !b.reviewed).length;
    item.command = toReview ? showInsertedCodeCommand : showProblemsCommand;
    if (server.state === 'stopped') {
      item.text = 'Vigil $(circle-slash)';
      item.tooltip = 'Vigil is off (vigil.enable) or stopped. Run "Vigil: Restart server" to start it.';
    } else if (server.state === 'failed') {
      item.text = 'Vigil $(error)';
      item.tooltip = 'The Vigil language server stopped. Run "Vigil: Show output" to see why, "Vigil: Restart server" to retry.';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (server.state !== 'running' || server.activity.isBusy(document.uri.toString())) {
      item.text = 'Vigil $(loading~spin)';
      item.tooltip = server.state === 'running' ? `Vigil is analysing ${path.basename(document.fileName)}` : 'Vigil is starting';
    } else {
      const severities = vscode.languages
        .getDiagnostics(document.uri)
        .filter((d) => d.source === diagnosticSource)
        .map((d) => d.severity as SeverityValue);
      const counts = countBySeverity(severities);
      item.text = statusText(counts, toReview);
      item.tooltip = statusTooltip(counts, path.basename(document.fileName), toReview);
    }
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics(update),
    server.onDidChangeState(update),
    onActivity(update),
    tracker.onDidChange(update),
  );
}
