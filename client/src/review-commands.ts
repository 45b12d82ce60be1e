/**
 * The review commands: reveal a block, go through its checklist, mark it (or a whole file) reviewed, show the
 * view. Each takes a block as the CodeLens passes it (uri, id), as the view passes it (its item), or from the
 * command palette: the block at the cursor, else the active file's newest.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reviewChecklistRequest, type ReviewChecklistParams, type ReviewChecklistResult } from '../../shared/src/protocol';
import { linesLabel } from './block-labels';
import type { BlockView, InsertedBlockTracker } from './inserted-blocks';
import { markReviewedCommand, revealBlockCommand, reviewChecklistCommand } from './inserted-lens';
import { insertedViewId } from './inserted-view';
import type { VigilServer } from './language-client';

export const markAllReviewedCommand = 'vigil.markAllReviewedInFile';
export const showInsertedCodeCommand = 'vigil.showInsertedCode';

interface BlockRef {
  uri: vscode.Uri;
  id: number;
}

function blockArgument(tracker: InsertedBlockTracker, args: unknown[]): BlockRef | undefined {
  const [first, second] = args;
  if (first instanceof vscode.Uri && typeof second === 'number') return { uri: first, id: second };
  const item = first as { kind?: string; block?: BlockView } | undefined;
  if (item?.kind === 'block' && item.block) return { uri: item.block.uri, id: item.block.id };
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const open = tracker.blocksOf(editor.document.uri).filter((b) => !b.reviewed);
  const block = open.find((b) => b.range.contains(editor.selection.active)) ?? open.sort((a, b) => b.insertedAt - a.insertedAt)[0];
  return block && { uri: block.uri, id: block.id };
}

function fileArgument(args: unknown[]): vscode.Uri | undefined {
  const [first] = args;
  if (first instanceof vscode.Uri) return first;
  const item = first as { kind?: string; uri?: vscode.Uri } | undefined;
  if (item?.kind === 'file' && item.uri) return item.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

function describe(block: BlockView): string {
  return `${linesLabel(block.range.start.line, block.range.end.line)} of ${path.basename(block.uri.fsPath)}`;
}

async function reveal(tracker: InsertedBlockTracker, ref: BlockRef): Promise<BlockView | undefined> {
  const opened = await tracker.open(ref.uri, ref.id);
  if (!opened) {
    void vscode.window.showInformationMessage('That inserted block is no longer there: its code was changed or deleted.');
    return undefined;
  }
  const { editor, block } = opened;
  editor.selection = new vscode.Selection(block.range.start, block.range.start);
  editor.revealRange(block.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return block;
}

async function reviewChecklist(tracker: InsertedBlockTracker, server: VigilServer, ref: BlockRef): Promise<void> {
  const block = await reveal(tracker, ref);
  if (!block) return;
  const params: ReviewChecklistParams = {
    uri: block.uri.toString(),
    range: { start: { line: block.range.start.line, character: block.range.start.character }, end: { line: block.range.end.line, character: block.range.end.character } },
  };
  const result = await server.request<ReviewChecklistResult>(reviewChecklistRequest, params);
  if (!result || result.items.length === 0) {
    void vscode.window.showWarningMessage('Vigil could not make the checklist: the language server is not running. "Vigil: Show output" shows why.');
    return;
  }
  const picks = result.items.map((item) => ({ label: item.question, detail: item.reason, picked: block.checked.includes(item.id), id: item.id }));
  const chosen = await vscode.window.showQuickPick(picks, {
    canPickMany: true,
    ignoreFocusOut: true,
    title: `Review ${describe(block)}`,
    placeHolder: 'Tick each question you have checked; when all are ticked, the block is marked reviewed',
  });
  if (!chosen) return;
  const checked = chosen.map((c) => c.id);
  tracker.setChecked(block.uri, block.id, checked);
  if (checked.length === picks.length) {
    tracker.markReviewed(block.uri, block.id);
    void vscode.window.showInformationMessage(`${describe(block)}: every question answered, marked reviewed.`);
  }
}

export function registerReviewCommands(tracker: InsertedBlockTracker, server: VigilServer): vscode.Disposable {
  const withBlock = (run: (ref: BlockRef) => unknown) => (...args: unknown[]) => {
    const ref = blockArgument(tracker, args);
    if (ref) return run(ref);
    void vscode.window.showInformationMessage('No inserted block to review here.');
    return undefined;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(revealBlockCommand, withBlock((ref) => reveal(tracker, ref))),
    vscode.commands.registerCommand(reviewChecklistCommand, withBlock((ref) => reviewChecklist(tracker, server, ref))),
    vscode.commands.registerCommand(markReviewedCommand, withBlock((ref) => tracker.markReviewed(ref.uri, ref.id))),
    vscode.commands.registerCommand(markAllReviewedCommand, (...args: unknown[]) => {
      const uri = fileArgument(args);
      if (uri) tracker.markAllReviewed(uri);
    }),
    vscode.commands.registerCommand(showInsertedCodeCommand, () => vscode.commands.executeCommand(`${insertedViewId}.focus`)),
  );
}
