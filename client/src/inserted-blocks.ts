/**
 * Inserted blocks in the editor: VS Code's change events in, per document, through InsertedRanges; the blocks
 * out to the server (`vigil/insertedBlocks`), to the view, the CodeLens and the status bar; and into workspace
 * state, so that they survive closing the file and reloading the window (block-store.ts).
 */
import * as vscode from 'vscode';
import { insertedBlocksNotification, type InsertedBlock, type InsertedBlocksParams, type Range } from '../../shared/src/protocol';
import { isStoredFile, restore, snapshot, type StoredFile } from './block-store';
import { InsertedRanges, defaultThresholds, type ChangeOrigin, type Thresholds, type TrackedBlock } from './inserted-ranges';
import { languages, type VigilServer } from './language-client';
import type { OfferedEdits } from './offered-edits';

const stateKeyPrefix = 'vigil.insertedBlocks:';
const persistDelayMs = 300;

/** A block as the views show it. */
export interface BlockView {
  uri: vscode.Uri;
  id: number;
  range: vscode.Range;
  insertedAt: number;
  reviewed: boolean;
  checked: readonly string[];
  /** False while the file is closed (its range is where the block was when it was closed). */
  open: boolean;
}

interface Live {
  document: vscode.TextDocument;
  ranges: InsertedRanges;
  /** The text before the next change: what a change replaced is read from here. */
  text: string;
  /** What the server was last sent, to send only when the ranges really moved. */
  sent: string;
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function isTracked(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && (languages as readonly string[]).includes(document.languageId);
}

export class InsertedBlockTracker implements vscode.Disposable {
  private readonly live = new Map<string, Live>();
  private readonly closed = new Map<string, StoredFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly pendingPersist = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastId = 0;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly server: VigilServer,
    private readonly offered: OfferedEdits,
  ) {
    for (const key of state.keys()) {
      if (!key.startsWith(stateKeyPrefix)) continue;
      const stored = state.get<unknown>(key);
      if (!isStoredFile(stored)) continue;
      this.closed.set(key.slice(stateKeyPrefix.length), stored);
      for (const b of stored.blocks) this.lastId = Math.max(this.lastId, b.id);
    }
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closedDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      server.onDidChangeState((s) => {
        if (s === 'running') for (const uri of this.live.keys()) this.send(uri, true);
      }),
    );
    vscode.workspace.textDocuments.forEach((d) => this.opened(d));
  }

  /** Every block of every file the window knows, open or closed. */
  all(): BlockView[] {
    const views: BlockView[] = [];
    for (const live of this.live.values()) {
      for (const b of live.ranges.blocks) views.push(this.viewOf(live.document.uri, b, live.document));
    }
    for (const [uri, stored] of this.closed) {
      if (this.live.has(uri)) continue;
      const parsed = vscode.Uri.parse(uri);
      for (const b of stored.blocks) {
        views.push({ uri: parsed, id: b.id, range: toRange(b.range), insertedAt: b.insertedAt, reviewed: b.reviewed, checked: b.checked, open: false });
      }
    }
    return views;
  }

  blocksOf(uri: vscode.Uri): BlockView[] {
    return this.all().filter((b) => b.uri.toString() === uri.toString());
  }

  find(uri: vscode.Uri, id: number): BlockView | undefined {
    return this.blocksOf(uri).find((b) => b.id === id);
  }

  /** Opens the block's file (restoring its blocks) and returns the block as it is there now. */
  async open(uri: vscode.Uri, id: number): Promise<{ editor: vscode.TextEditor; block: BlockView } | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    this.opened(document);
    const editor = await vscode.window.showTextDocument(document);
    const block = this.find(uri, id);
    return block ? { editor, block } : undefined;
  }

  /** Blocks an Agent Trace note records in an open document, as line ranges of its current text. */
  adopt(uri: vscode.Uri, blocks: readonly { range: vscode.Range; insertedAt: number; reviewed: boolean }[]): void {
    const live = this.live.get(uri.toString());
    if (!live) return;
    const spans = blocks.map((b) => ({
      start: live.document.offsetAt(b.range.start), end: live.document.offsetAt(b.range.end), insertedAt: b.insertedAt, reviewed: b.reviewed,
    }));
    this.update(uri, (ranges) => ranges.adopt(spans));
  }

  /** The open documents that have blocks. */
  urisWithBlocks(): vscode.Uri[] {
    return [...this.live.values()].filter((l) => l.ranges.blocks.length > 0).map((l) => l.document.uri);
  }

  markReviewed(uri: vscode.Uri, id: number): void {
    this.update(uri, (r) => r.markReviewed(id));
  }

  markAllReviewed(uri: vscode.Uri): void {
    this.update(uri, (r) => r.markAllReviewed());
  }

  setChecked(uri: vscode.Uri, id: number, checked: readonly string[]): void {
    this.update(uri, (r) => {
      r.setChecked(id, checked);
      return true;
    });
  }

  /** Writes every open file's blocks now (deactivation: a reload must find them). */
  async flush(): Promise<void> {
    for (const timer of this.pendingPersist.values()) clearTimeout(timer);
    this.pendingPersist.clear();
    await Promise.all([...this.live.keys()].map((uri) => this.persist(uri)));
  }

  dispose(): void {
    void this.flush();
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  private nextId = (): number => ++this.lastId;

  private viewOf(uri: vscode.Uri, b: TrackedBlock, document: vscode.TextDocument): BlockView {
    const range = new vscode.Range(document.positionAt(b.start), document.positionAt(b.end));
    return { uri, id: b.id, range, insertedAt: b.insertedAt, reviewed: b.reviewed, checked: b.checked, open: true };
  }

  private thresholds(document: vscode.TextDocument): Thresholds {
    const config = vscode.workspace.getConfiguration('vigil.insertedBlocks', document.uri);
    const minLines = config.get<number>('minLines', defaultThresholds.minLines);
    const minChars = config.get<number>('minChars', defaultThresholds.minChars);
    return {
      minLines: Number.isFinite(minLines) && minLines >= 1 ? minLines : defaultThresholds.minLines,
      minChars: Number.isFinite(minChars) && minChars >= 1 ? minChars : defaultThresholds.minChars,
    };
  }

  private opened(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!isTracked(document) || this.live.has(uri)) return;
    const text = document.getText();
    const stored = this.closed.get(uri);
    const blocks = stored ? restore(stored, text) : [];
    this.closed.delete(uri);
    this.live.set(uri, { document, ranges: new InsertedRanges(blocks, this.nextId), text, sent: '' });
    if (stored) this.schedulePersist(uri);
    this.send(uri);
    this.changed.fire();
  }

  private closedDocument(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const live = this.live.get(uri);
    if (!live) return;
    const timer = this.pendingPersist.get(uri);
    if (timer) clearTimeout(timer);
    this.pendingPersist.delete(uri);
    const stored = snapshot(live.ranges.blocks, live.text);
    this.live.delete(uri);
    this.offered.forget(uri);
    // An untitled document's blocks go with it.
    if (document.uri.scheme === 'file' && stored.blocks.length > 0) this.closed.set(uri, stored);
    void this.state.update(stateKeyPrefix + uri, document.uri.scheme === 'file' && stored.blocks.length > 0 ? stored : undefined);
    this.changed.fire();
  }

  private originOf(e: vscode.TextDocumentChangeEvent, uri: string): ChangeOrigin {
    if (e.reason === vscode.TextDocumentChangeReason.Undo) return 'undo';
    if (e.reason === vscode.TextDocumentChangeReason.Redo) return 'redo';
    const plain = e.contentChanges.map((c) => ({ range: { start: c.range.start, end: c.range.end }, text: c.text }));
    return this.offered.isOffered(uri, plain) ? 'vigil-fix' : 'edit';
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    const uri = e.document.uri.toString();
    const live = this.live.get(uri);
    if (!live || e.contentChanges.length === 0) return;
    // Each change replaced text of the text left by the changes before it (VS Code's order), read from `live.text`.
    let text = live.text;
    const changes = e.contentChanges.map((c) => {
      const replaced = text.slice(c.rangeOffset, c.rangeOffset + c.rangeLength);
      text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
      return { offset: c.rangeOffset, length: c.rangeLength, text: c.text, replaced };
    });
    live.text = e.document.getText();
    const changed = live.ranges.apply(changes, this.originOf(e, uri), this.thresholds(e.document), Date.now(), live.text);
    if (!changed) return;
    this.schedulePersist(uri);
    this.send(uri);
    this.changed.fire();
  }

  private update(uri: vscode.Uri, change: (ranges: InsertedRanges) => boolean): void {
    const key = uri.toString();
    const live = this.live.get(key);
    if (live) {
      if (!change(live.ranges)) return;
      this.schedulePersist(key);
      this.send(key);
    } else {
      const stored = this.closed.get(key);
      if (!stored) return;
      // A closed file's blocks are changed through the same model, against their own texts.
      const ranges = new InsertedRanges(stored.blocks.map((b) => ({ ...b })), this.nextId);
      if (!change(ranges)) return;
      const next: StoredFile = { hash: stored.hash, blocks: stored.blocks.map((b, i) => ({ ...b, reviewed: ranges.blocks[i]!.reviewed, checked: ranges.blocks[i]!.checked })) };
      this.closed.set(key, next);
      void this.state.update(stateKeyPrefix + key, next);
    }
    this.changed.fire();
  }

  private schedulePersist(uri: string): void {
    const timer = this.pendingPersist.get(uri);
    if (timer) clearTimeout(timer);
    this.pendingPersist.set(uri, setTimeout(() => {
      this.pendingPersist.delete(uri);
      void this.persist(uri);
    }, persistDelayMs));
  }

  private async persist(uri: string): Promise<void> {
    const live = this.live.get(uri);
    if (!live || live.document.uri.scheme !== 'file') return;
    const stored = snapshot(live.ranges.blocks, live.text);
    await this.state.update(stateKeyPrefix + uri, stored.blocks.length > 0 ? stored : undefined);
  }

  private send(uri: string, always = false): void {
    const live = this.live.get(uri);
    if (!live) return;
    const { document } = live;
    const blocks: InsertedBlock[] = live.ranges.blocks.map((b) => {
      const start = document.positionAt(b.start);
      const end = document.positionAt(b.end);
      return {
        range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
        insertedAt: b.insertedAt,
        reviewed: b.reviewed,
      };
    });
    const key = JSON.stringify(blocks);
    if (!always && key === live.sent) return;
    live.sent = key;
    const params: InsertedBlocksParams = { uri, version: document.version, blocks };
    this.server.notify(insertedBlocksNotification, params);
  }
}
