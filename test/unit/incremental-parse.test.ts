/** The Workspace's incremental reparse (document-trees.ts) must give the tree a full parse gives, edit after edit. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parse, syntaxErrors } from '../../server/src/core/parse';
import { DocumentTrees, type TextChangeSpan, editedDocumentsKept } from '../../server/src/core/document-trees';
import { repoRoot } from '../harness/paths';

/** Kind, start and end of every node in order, and where the parse errors are. */
function shape(sourceFile: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    out.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // Positions only: on badly broken text the incremental parser can pick a sibling message for the same error
  // (TS1128 vs TS2809 at one offset); parse errors are not published, and the rules see only the nodes.
  for (const d of syntaxErrors(sourceFile)) out.push(`error@${d.start}`);
  return out;
}

/** A small deterministic PRNG so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const snippets = ['x', ' ', '\n', '(', ')', '{', '}', ';', '`${a}`', "'", '/* c */', '// c\n', 'await ', 'jwt.sign(p, k)', ', { expiresIn: 1 }', '<div>', '=>', 'const y = 1;\n'];

/** The documents as an editor keeps them, each change's span told to the trees as the server's documents.ts does. */
class Editor {
  constructor(private readonly trees: DocumentTrees) {}

  create(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.trees.forget(uri);
    return TextDocument.create(uri, languageId, version, text);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let spans: TextChangeSpan[] | undefined = [];
    for (const change of changes) {
      if (spans && 'range' in change) spans.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), newLength: change.text.length });
      else spans = undefined;
      TextDocument.update(document, [change], version);
    }
    this.trees.changed(document.uri, spans);
    return document;
  }

  treeFor(document: TextDocument, fileName: string): ts.SourceFile {
    return this.trees.treeFor(document.uri, document.getText(), fileName);
  }
}

describe('incremental reparse', () => {
  // Texts that change only with a pinned dependency: on random garbage, TypeScript's incremental parser can place
  // a node differently from a full parse for one text and not another, so a file this project edits (as it once
  // used analyze.ts) would make the test pass or fail with unrelated changes.
  const files = [
    path.join(repoRoot, 'examples/express-pg-app/src/app.js'),
    path.join(repoRoot, 'node_modules/rxjs/src/internal/Observable.ts'),
  ];
  for (const file of files) {
    it(`equals a full parse over 200 random edits of ${path.basename(file)}`, () => {
      const trees = new Editor(new DocumentTrees());
      const uri = `file:///work/${path.basename(file)}`;
      let document: TextDocument = trees.create(uri, 'typescript', 1, fs.readFileSync(file, 'utf8'));
      const next = random(42);
      trees.treeFor(document, file);
      for (let version = 2; version < 202; version++) {
        // One to three changes per event, each against the text the previous one left (as LSP specifies).
        const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const length = document.getText().length;
          const start = Math.floor(next() * length);
          const end = Math.min(length, start + (next() < 0.5 ? 0 : Math.floor(next() * 20)));
          const text = next() < 0.3 ? '' : snippets[Math.floor(next() * snippets.length)];
          const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
          document = trees.update(document, [change], version);
          return change;
        });
        assert.ok(changes.length > 0);
        if (next() < 0.5) continue; // several events between analyses: the pending ranges are collapsed
        const incremental = trees.treeFor(document, file);
        assert.equal(incremental.text, document.getText());
        assert.deepEqual(shape(incremental), shape(parse(document.getText(), file)), `differs after version ${version}`);
      }
    });
  }

  it('falls back to a full parse after a whole-text change', () => {
    const trees = new Editor(new DocumentTrees());
    let document = trees.create('file:///a.js', 'javascript', 1, 'const a = 1;');
    trees.treeFor(document, '/a.js');
    document = trees.update(document, [{ text: 'let b = 2;' }], 2);
    assert.deepEqual(shape(trees.treeFor(document, '/a.js')), shape(parse('let b = 2;', '/a.js')));
  });

  /** A one-character rename of `a<i>`, a change with its span as the server records it. */
  const rename = (trees: Editor, document: TextDocument, version: number): TextDocument =>
    trees.update(document, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } }, text: 'b' }], version);

  it('keeps no tree for a document only opened and analysed', () => {
    const trees = new Editor(new DocumentTrees());
    const document = trees.create('file:///a.js', 'javascript', 1, 'const a = 1;');
    const first = trees.treeFor(document, '/a.js');
    assert.notEqual(trees.treeFor(document, '/a.js'), first, 'parsed again: nothing was kept');
  });

  it('keeps the tree of an edited document, and reparses it incrementally from then on', () => {
    const trees = new Editor(new DocumentTrees());
    let document = trees.create('file:///a.js', 'javascript', 1, 'const a = 1;\nconst c = 2;\n');
    trees.treeFor(document, '/a.js');
    document = rename(trees, document, 2);
    const afterEdit = trees.treeFor(document, '/a.js');
    assert.equal(trees.treeFor(document, '/a.js'), afterEdit, 'the same text gives the kept tree back');
    document = trees.update(document, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }, text: '3' }], 3);
    const reparsed = trees.treeFor(document, '/a.js');
    assert.deepEqual(shape(reparsed), shape(parse('const b = 1;\nconst c = 3;\n', '/a.js')));
    // updateSourceFile moves the untouched first statement over to the new tree; a full parse makes a new one.
    assert.equal(reparsed.statements[0], afterEdit.statements[0]);
  });

  it(`keeps trees for the ${editedDocumentsKept} most recently edited documents only, and still parses the others right`, () => {
    const trees = new Editor(new DocumentTrees());
    const documents = Array.from({ length: editedDocumentsKept + 1 }, (_, i) => trees.create(`file:///f${i}.js`, 'javascript', 1, `const a = ${i};`));
    const edited = documents.map((d) => rename(trees, d, 2));
    const first = trees.treeFor(edited[0], '/f0.js');
    for (let i = 1; i < edited.length; i++) trees.treeFor(edited[i], `/f${i}.js`);
    const again = trees.treeFor(edited[0], '/f0.js');
    assert.notEqual(again, first, 'the least recently edited document lost its tree');
    assert.deepEqual(shape(again), shape(parse('const b = 0;', '/f0.js')));
    const last = edited.length - 1;
    const kept = trees.treeFor(edited[last], `/f${last}.js`);
    assert.equal(trees.treeFor(edited[last], `/f${last}.js`), kept);
  });

  it('lets a closed document go', () => {
    const trees = new DocumentTrees();
    trees.changed('file:///a.js', undefined);
    const first = trees.treeFor('file:///a.js', 'const a = 1;', '/a.js');
    trees.forget('file:///a.js');
    assert.notEqual(trees.treeFor('file:///a.js', 'const a = 1;', '/a.js'), first);
  });
});
