/** The commands Vigil contributes, and the status bar's click. */
import * as vscode from 'vscode';
import type { VigilServer } from './language-client';
import { showProblemsCommand } from './status-bar';

export const restartServerCommand = 'vigil.restartServer';
export const showOutputCommand = 'vigil.showOutput';

export function registerCommands(server: VigilServer, output: vscode.OutputChannel, isEnabled: () => boolean): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(restartServerCommand, async () => {
      if (!isEnabled()) {
        void vscode.window.showInformationMessage('Vigil is turned off by the vigil.enable setting.');
        return;
      }
      await server.restart();
    }),
    vscode.commands.registerCommand(showOutputCommand, () => output.show(true)),
    // VS Code has no API to set the Problems panel's filter text; the panel lists each finding with its source
    // ("vigil"), so typing "vigil" in its filter narrows it to Vigil.
    vscode.commands.registerCommand(showProblemsCommand, async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
  );
}
