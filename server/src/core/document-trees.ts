/**
 * The last syntax tree of each open document, for incremental reparsing. The caller records each change's span
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
  /** Changes since `tree` was made, in order; undefined after a whole-text replacement. */
  pending: ts.TextChangeRange[] | undefined;
  /** The tree's index, once an analysis asked for it. */
  index?: TreeIndex;
  /** The index of the tree `tree` was reparsed from, whose unchanged statements it shares. */
  reparsedFrom?: TreeIndex;
}

/**
 * Trees kept for incremental reparsing. A tree costs several times its text in memory, and edits go to the few
 * documents being worked on; the others are parsed in full if they change again.
 */
export const keptTrees = 24;

export class DocumentTrees {
  /** In least-recently-analysed order: Map keeps insertion order, and `treeFor` re-inserts. */
  private readonly trees = new Map<string, TreeState>();

  /** The document's changes, in order; undefined for a whole-text replacement (the next parse is a full one). */
  changed(uri: string, changes: readonly TextChangeSpan[] | undefined): void {
    const state = this.trees.get(uri);
    if (!state) return;
    if (!changes || !state.pending) {
      state.pending = undefined;
      return;
    }
    for (const c of changes) state.pending.push(ts.createTextChangeRange(ts.createTextSpan(c.start, c.end - c.start), c.newLength));
  }

  /** The tree for `text`, the document's current text: reused, reparsed incrementally, or parsed in full. */
  treeFor(uri: string, text: string, fileName: string): ts.SourceFile {
    const state = this.trees.get(uri);
    let tree: ts.SourceFile | undefined;
    let next: TreeState | undefined;
    if (state?.pending && state.tree.fileName === fileName) {
      if (state.pending.length === 0 && state.tree.text === text) next = { ...state, pending: [] };
      else if ((tree = reparse(state.tree, state.pending, text))) next = { tree, pending: [], reparsedFrom: state.index };
    }
    next ??= { tree: parse(text, fileName), pending: [] };
    tree = next.tree;
    this.trees.delete(uri);
    this.trees.set(uri, next);
    if (this.trees.size > keptTrees) this.trees.delete(this.trees.keys().next().value!);
    return tree;
  }

  /** The index of `tree`, the document's last tree: made from the index of the tree it was reparsed from where it can. */
  indexFor(uri: string, tree: ts.SourceFile): TreeIndex {
    const state = this.trees.get(uri);
    if (!state || state.tree !== tree) return new TreeIndex(tree);
    state.index ??= new TreeIndex(tree, state.reparsedFrom);
    state.reparsedFrom = undefined;
    return state.index;
  }

  forget(uri: string): void {
    this.trees.delete(uri);
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
