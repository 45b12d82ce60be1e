/**
 * The last syntax tree of each recently edited document, for incremental reparsing. The caller records each change's span
 * in the text it applied to; the next analysis collapses them into one `ts.TextChangeRange` and reparses with
 * `ts.updateSourceFile` instead of parsing the whole file again.
 */
import * as ts from 'typescript';
import { parse } from './parse';
import { TreeIndex } from './traverse';

/** One change: the replaced span `[start, end)` of the text as it was just before it, and the new text's length. */
export interface TextChangeSpan {
  start: number;
  end: number;
  newLength: number;
}

interface TreeState {
  tree: ts.SourceFile;
  /** Changes since `tree` was made, in order. */
  pending: ts.TextChangeRange[];
  /** The tree's index, once an analysis asked for it. */
  index?: TreeIndex;
  /** The index of the tree `tree` was reparsed from, whose unchanged statements it shares. */
  reparsedFrom?: TreeIndex;
}

/**
 * Documents whose trees are kept for incremental reparsing: the ones edited most recently. A tree costs about 30
 * times its text in memory (2.3 MB for a 2,000-line file of 72 KB), and edits go to the few documents being worked on;
 * a document merely opened, or analysed again because a file it imports changed, is parsed in full, as is one
 * typed into again after this many others were: that first edit parses it whole, the next ones reparse.
 */
export const editedDocumentsKept = 8;

export class DocumentTrees {
  /**
   * The documents edited most recently, least recent first (Map keeps insertion order and an edit re-inserts),
   * each with its last tree once one was made.
   */
  private readonly edited = new Map<string, TreeState | undefined>();

  /** The document's changes, in order; undefined for a whole-text replacement (the next parse is a full one). */
  changed(uri: string, changes: readonly TextChangeSpan[] | undefined): void {
    const state = this.edited.get(uri);
    this.edited.delete(uri);
    if (state && changes) {
      for (const c of changes) state.pending.push(ts.createTextChangeRange(ts.createTextSpan(c.start, c.end - c.start), c.newLength));
      this.edited.set(uri, state);
    } else {
      this.edited.set(uri, undefined);
    }
    if (this.edited.size > editedDocumentsKept) this.edited.delete(this.edited.keys().next().value!);
  }

  /** The tree for `text`, the document's current text: reused, reparsed incrementally, or parsed in full. */
  treeFor(uri: string, text: string, fileName: string): ts.SourceFile {
    const state = this.edited.get(uri);
    let next: TreeState | undefined;
    if (state && state.tree.fileName === fileName) {
      if (state.pending.length === 0 && state.tree.text === text) next = state;
      else {
        const tree = reparse(state.tree, state.pending, text);
        if (tree) next = { tree, pending: [], reparsedFrom: state.index };
      }
    }
    next ??= { tree: parse(text, fileName), pending: [] };
    if (this.edited.has(uri)) this.edited.set(uri, next);
    return next.tree;
  }

  /** The index of `tree`, the document's last tree: made from the index of the tree it was reparsed from where it can. */
  indexFor(uri: string, tree: ts.SourceFile): TreeIndex {
    const state = this.edited.get(uri);
    if (!state || state.tree !== tree) return new TreeIndex(tree);
    state.index ??= new TreeIndex(tree, state.reparsedFrom);
    state.reparsedFrom = undefined;
    return state.index;
  }

  forget(uri: string): void {
    this.edited.delete(uri);
  }
}

/** Incremental reparse, or undefined when the recorded changes do not account for the new text. */
function reparse(tree: ts.SourceFile, pending: readonly ts.TextChangeRange[], text: string): ts.SourceFile | undefined {
  if (pending.length === 0) return undefined;
  const range = ts.collapseTextChangeRangesAcrossMultipleVersions(pending);
  if (tree.text.length - range.span.length + range.newLength !== text.length) return undefined;
  try {
    return ts.updateSourceFile(tree, text, range);
  } catch {
    // The incremental parser asserts on inconsistent input; a full parse is always correct.
    return undefined;
  }
}
