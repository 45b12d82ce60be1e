/**
 * Facts of a node's own text are kept from one analysis of a document to the next for the nodes the reparse reused,
 * and made again for the ones the edit touched; the findings that read them are a fresh analysis's.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyze, analyzeIncrementally } from '../../server/src/core/analyze';
import { type Facts, buildFacts, factKey } from '../../server/src/core/facts/facts';
import { TreeIndex } from '../../server/src/core/traverse';
import { unitsOf } from '../../server/src/core/incremental/units';
import { TextFacts } from '../../server/src/core/facts/text-facts';
import { NodeCollections } from '../../server/src/core/facts/node-collections';
import { LineStarts } from '../../server/src/core/incremental/line-starts';
import { parse } from '../../server/src/core/parse';
import { rules } from '../../server/src/core/registry';

const copied = [
  '  const total = input.items.reduce((sum, item) => sum + item.price * item.quantity, 0);',
  '  const shipping = total > 100 ? 0 : input.weight * rates.perKilo + rates.base;',
  '  const taxed = Math.round((total + shipping) * (1 + rates.vat) * 100) / 100;',
  '  log.info("order", { id: input.id, total, shipping, taxed });',
  '  store.save({ id: input.id, total: taxed, shipping, at: Date.now() });',
  '  return { id: input.id, total: taxed, lines: input.items.length };',
];
const text = [
  'function first(input, rates) {', ...copied, '}', '',
  'function second(input, rates) {', ...copied, '}', '',
  'function other(x) {', '  return x + 1;', '}', '',
  'module.exports = { first, second, other };', '',
].join('\n');

/** The text with `from` replaced, reparsed from `tree` as the editor's server reparses it. */
function edited(tree: ts.SourceFile, from: string, to: string): ts.SourceFile {
  const at = tree.text.indexOf(from);
  const next = tree.text.slice(0, at) + to + tree.text.slice(at + from.length);
  return ts.updateSourceFile(tree, next, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
}

describe('text facts', () => {
  it('are kept for the nodes the reparse reused and made again for the ones an edit touched', () => {
    const kept = new TextFacts();
    const key = factKey<string>('statement text');
    const tree = parse(text, 'copies.js');
    let made = 0;
    const textOf = (statement: ts.Statement): string => kept.of(key, statement, () => (made++, statement.getText()));
    tree.statements.forEach(textOf);
    assert.equal(made, 4);
    const next = edited(tree, 'return x + 1', 'return x + 2');
    assert.deepEqual(next.statements.map(textOf), next.statements.map((s) => s.getText()));
    assert.equal(made, 5, 'only the function typed in is read again');
  });

  it('gather an index\'s nodes again only in the units the reparse made anew, in the order a walk of every node finds them', () => {
    const kept = new TextFacts();
    const key = factKey<readonly string[]>('assigned names');
    const visited = new Set<string>();
    const assigned = (tree: ts.SourceFile, textFacts?: TextFacts): string[] => {
      const index = new TreeIndex(tree);
      const collections = new NodeCollections(index, textFacts && { textFacts, units: unitsOf(tree, index) });
      return collections.of(key, (node, out) => {
        for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isFunctionDeclaration(n) && n.name) visited.add(n.name.text);
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) out.push(node.left.getText());
      });
    };
    const tree = parse(text.replace('return x + 1', 'x = x + 1; return x'), 'copies.js');
    assert.deepEqual(assigned(tree, kept), ['x', 'module.exports']);
    visited.clear();
    const next = edited(tree, 'x = x + 1', 'y = x + 1');
    assert.deepEqual(assigned(next, kept), ['y', 'module.exports']);
    assert.deepEqual([...visited], ['other'], 'only the function typed in');
    assert.deepEqual(assigned(next, kept), assigned(parse(next.text, 'copies.js')));
  });

  it('give the fact model\'s first pass the routes and imports of a fresh analysis after edits in and around a class', () => {
    const app = [
      "import express from 'express';",
      'const app = express();',
      'class Routes {',
      '  mount() {',
      "    app.get('/a', (req, res) => res.send(require('./a')));",
      '  }',
      '  other() {',
      '    return 1;',
      '  }',
      '}',
      "app.post('/b', (req, res) => res.send('b'));",
      '',
    ].join('\n');
    const kept = new TextFacts();
    const facts = (tree: ts.SourceFile, textFacts: TextFacts) => {
      const index = new TreeIndex(tree);
      return buildFacts(tree, 'app.ts', index, undefined, undefined, false, { textFacts, units: unitsOf(tree, index), lines: LineStarts.of(tree.text) });
    };
    const shape = (f: Facts) => [f.imports.map((i) => i.module), f.routes.map((r) => `${r.method} ${r.path}`), f.mounts.length];
    let tree = parse(app, 'app.ts');
    assert.deepEqual(shape(facts(tree, kept)), [['express', './a'], ['GET /a', 'POST /b'], 0]);
    for (const [from, to] of [['return 1;', "app.use(require('./c'));"], ["'/a'", "'/aa'"], ["app.post('/b'", "app.put('/b'"]]) {
      tree = edited(tree, from, to);
      assert.deepEqual(shape(facts(tree, kept)), shape(facts(parse(tree.text, 'app.ts'), new TextFacts())), to);
    }
    assert.deepEqual(shape(facts(tree, kept)), [['express', './a', './c'], ['GET /aa', 'PUT /b'], 1]);
  });

  it('give duplicate-code and undocumented-export the findings of a fresh analysis after edits', () => {
    const only = rules.filter((r) => r.meta.id === 'duplicate-code' || r.meta.id === 'undocumented-export');
    let tree = parse(text, 'copies.js');
    let base = analyzeIncrementally({ text, fileName: 'copies.js', sourceFile: tree }, only).base;
    const first = analyze({ text, fileName: 'copies.js' }, only).findings.map((f) => f.ruleId).sort();
    assert.deepEqual(first, ['duplicate-code', 'undocumented-export', 'undocumented-export', 'undocumented-export']);
    for (const [from, to] of [['store.save({ id', 'store.keep({ id'], ['return x + 1', 'return x.trim()'], ['store.keep({ id', 'store.save({ id']]) {
      tree = edited(tree, from, to);
      const incremental = analyzeIncrementally({ text: tree.text, fileName: 'copies.js', sourceFile: tree }, only, base);
      assert.deepEqual(incremental.result.findings, analyze({ text: tree.text, fileName: 'copies.js' }, only).findings, `${from} → ${to}`);
      base = incremental.base;
    }
  });
});
