/**
 * The CodeLens above each unreviewed inserted block: "Inserted 2 min ago · 3 findings | Review checklist | Mark
 * reviewed". Refreshed when blocks or diagnostics change, and each minute (the age moves on).
 */
import * as vscode from 'vscode';
import { blockLensTitle, checklistLensTitle } from './block-labels';
import { findingsIn } from './block-findings';
import type { InsertedBlockTracker } from './inserted-blocks';
import { languages } from './language-client';

export const revealBlockCommand = 'vigil.revealInsertedBlock';
export const reviewChecklistCommand = 'vigil.reviewChecklist';
export const markReviewedCommand = 'vigil.markReviewed';

export function registerInsertedLens(tracker: InsertedBlockTracker): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const now = Date.now();
      return tracker.blocksOf(document.uri).filter((b) => !b.reviewed && b.open).flatMap((block) => {
        const at = new vscode.Range(block.range.start.line, 0, block.range.start.line, 0);
        const args = [document.uri, block.id];
        return [
          new vscode.CodeLens(at, { title: blockLensTitle(block.insertedAt, now, findingsIn(document.uri, block.range).length), command: revealBlockCommand, arguments: args }),
          new vscode.CodeLens(at, { title: checklistLensTitle(block.checked.length), command: reviewChecklistCommand, arguments: args }),
          new vscode.CodeLens(at, { title: 'Mark reviewed', command: markReviewedCommand, arguments: args }),
        ];
      });
    },
  };
  const minute = setInterval(() => changed.fire(), 60_000);
  return vscode.Disposable.from(
    changed,
    { dispose: () => clearInterval(minute) },
    vscode.languages.registerCodeLensProvider(languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]), provider),
    tracker.onDidChange(() => changed.fire()),
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
  );
}
