/** Vigil's findings inside a block: what the view, the CodeLens and the checklist count. */
import * as vscode from 'vscode';
import { diagnosticSource } from '../../shared/src/protocol';

export function findingsIn(uri: vscode.Uri, range: vscode.Range): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === diagnosticSource && d.code !== undefined && range.intersection(d.range) !== undefined);
}
