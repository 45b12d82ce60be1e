/**
 * The "Vigil: Inserted code" view (in the Explorer): the unreviewed blocks per file, newest first, each with its
 * findings; selecting a block reveals it. A file's item offers "Mark all reviewed in file", a block's "Mark
 * reviewed".
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ageLabel, findingsLabel, linesLabel } from './block-labels';
import { findingsIn } from './block-findings';
import type { BlockView, InsertedBlockTracker } from './inserted-blocks';
import { revealBlockCommand } from './inserted-lens';

export const insertedViewId = 'vigil.insertedCode';

type Item = { kind: 'file'; uri: vscode.Uri; blocks: BlockView[] } | { kind: 'block'; block: BlockView };

export function unreviewedByFile(tracker: InsertedBlockTracker): { uri: vscode.Uri; blocks: BlockView[] }[] {
  const byFile = new Map<string, { uri: vscode.Uri; blocks: BlockView[] }>();
  for (const block of tracker.all()) {
    if (block.reviewed) continue;
    const key = block.uri.toString();
    const entry = byFile.get(key) ?? { uri: block.uri, blocks: [] };
    entry.blocks.push(block);
    byFile.set(key, entry);
  }
  const files = [...byFile.values()];
  for (const f of files) f.blocks.sort((a, b) => b.insertedAt - a.insertedAt);
  return files.sort((a, b) => b.blocks[0]!.insertedAt - a.blocks[0]!.insertedAt);
}

class InsertedCodeTree implements vscode.TreeDataProvider<Item> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly tracker: InsertedBlockTracker) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(element?: Item): Item[] {
    if (!element) return unreviewedByFile(this.tracker).map((f) => ({ kind: 'file', ...f }));
    return element.kind === 'file' ? element.blocks.map((block) => ({ kind: 'block', block })) : [];
  }

  getTreeItem(element: Item): vscode.TreeItem {
    if (element.kind === 'file') {
      const item = new vscode.TreeItem(element.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${path.basename(path.dirname(element.uri.fsPath))} · ${element.blocks.length === 1 ? '1 block' : `${element.blocks.length} blocks`}`;
      item.contextValue = 'vigil.insertedFile';
      return item;
    }
    const { block } = element;
    const item = new vscode.TreeItem(linesLabel(block.range.start.line, block.range.end.line), vscode.TreeItemCollapsibleState.None);
    const findings = block.open ? findingsIn(block.uri, block.range).length : undefined;
    item.description = [`inserted ${ageLabel(block.insertedAt, Date.now())}`, findings === undefined ? 'file closed' : findingsLabel(findings)].join(' · ');
    item.tooltip = `${item.label} of ${path.basename(block.uri.fsPath)}, inserted ${new Date(block.insertedAt).toLocaleString()}, not yet reviewed.`;
    item.iconPath = new vscode.ThemeIcon(findings ? 'warning' : 'eye');
    item.contextValue = 'vigil.insertedBlock';
    item.command = { title: 'Reveal', command: revealBlockCommand, arguments: [block.uri, block.id] };
    return item;
  }
}

export function registerInsertedView(tracker: InsertedBlockTracker): vscode.Disposable {
  const tree = new InsertedCodeTree(tracker);
  const view = vscode.window.createTreeView(insertedViewId, { treeDataProvider: tree, showCollapseAll: true });
  const refresh = () => {
    tree.refresh();
    const count = tracker.all().filter((b) => !b.reviewed).length;
    view.badge = count ? { value: count, tooltip: `${count} inserted block${count === 1 ? '' : 's'} to review` } : undefined;
  };
  refresh();
  const minute = setInterval(refresh, 60_000);
  return vscode.Disposable.from(
    view,
    { dispose: () => clearInterval(minute) },
    tracker.onDidChange(refresh),
    vscode.languages.onDidChangeDiagnostics(refresh),
  );
}
