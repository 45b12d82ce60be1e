/**
 * Open documents and their last syntax tree. `TextDocuments` calls `update` with the raw incremental changes, so
 * this is where each change's span in the old text is known: it is recorded as a `ts.TextChangeRange`, and the
 * next analysis reparses with `ts.updateSourceFile` instead of parsing the whole file again.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ts from 'typescript';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { parse } from '../core/parse';

interface TreeState {
  tree: ts.SourceFile;
  /** Changes since `tree` was made, in order; undefined after a whole-text replacement. */
  pending: ts.TextChangeRange[] | undefined;
}

const extensionByLanguage: Readonly<Record<string, string>> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/** A file name for the core: the path of a file URI, else the URI's last segment with its language's extension. */
export function fileNameFor(uri: string, languageId: string): string {
  let name = uri;
  if (uri.startsWith('file:')) {
    try {
      name = fileURLToPath(uri);
    } catch {
      name = uri;
    }
  }
  if (/\.[cm]?[jt]sx?$/i.test(name)) return name;
  return `${path.basename(name) || 'untitled'}${extensionByLanguage[languageId] ?? '.tsx'}`;
}

/**
 * Trees kept for incremental reparsing. A tree costs several times its text in memory, and edits go to the few
 * documents being worked on; the others are parsed in full if they change again.
 */
export const keptTrees = 24;

export class DocumentTrees implements TextDocumentsConfiguration<TextDocument> {
  /** In least-recently-analysed order: Map keeps insertion order, and `treeFor` re-inserts. */
  private readonly trees = new Map<string, TreeState>();

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    this.trees.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const state = this.trees.get(document.uri);
    for (const change of changes) {
      if (state?.pending && 'range' in change) {
        // Offsets against the text as it is before this change: each change applies to the previous one's result.
        // TextDocument.update applies a range given end first as if it were given start first, and clamps
        // positions past the end; the offsets are taken the same way, so the tree follows the text it gets.
        const a = document.offsetAt(change.range.start);
        const b = document.offsetAt(change.range.end);
        state.pending.push(ts.createTextChangeRange(ts.createTextSpan(Math.min(a, b), Math.abs(b - a)), change.text.length));
      } else if (state) {
        state.pending = undefined;
      }
      TextDocument.update(document, [change], version);
    }
    return document;
  }

  /** The tree for the document's current text: reused, reparsed incrementally, or parsed in full. */
  treeFor(document: TextDocument, fileName: string): ts.SourceFile {
    const text = document.getText();
    const state = this.trees.get(document.uri);
    let tree: ts.SourceFile | undefined;
    if (state?.pending && state.tree.fileName === fileName) {
      tree = state.pending.length === 0 && state.tree.text === text ? state.tree : reparse(state.tree, state.pending, text);
    }
    tree ??= parse(text, fileName);
    this.trees.delete(document.uri);
    this.trees.set(document.uri, { tree, pending: [] });
    if (this.trees.size > keptTrees) this.trees.delete(this.trees.keys().next().value!);
    return tree;
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
