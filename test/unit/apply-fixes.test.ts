/** The one fix-all loop (`--fix` and `source.fixAll`) on one text, with stand-in rules whose fixes are safe (no registered rule's need be). */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import type { Rule } from '../../server/src/core/rule';
import { analyze } from '../../server/src/core/analyze';
import { applySafeFixes, changedRegionEdit, maxFixPasses } from '../../server/src/core/fix-all';

function identifierRule(id: string, name: string, replacement: (node: ts.Node, sourceFile: ts.SourceFile) => { start: number; end: number; text: string }): Rule {
  return {
    meta: { id, category: 'maintainability', defaultSeverity: 'warning', title: id, description: id, fixable: 'safe', sources: [] },
    create(context) {
      return {
        Identifier(node) {
          if (node.text !== name) return;
          const target = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : node;
          context.report({ at: node, message: `${name} is old`, fixes: [{ title: 'Replace', safe: true, edits: [replacement(target, context.sourceFile)] }] });
        },
      };
    },
  };
}

/** `oldApi(x)` → `newApi(x)`, rewriting the whole call so that nested calls overlap and need a second pass. */
const renameCall = identifierRule('rename-call', 'oldApi', (call, sf) => ({
  start: call.getStart(sf),
  end: call.getEnd(),
  text: call.getText(sf).replace(/^oldApi/, 'newApi'),
}));

const analyser = (rule: Rule) => (text: string) => analyze({ text, fileName: 'a.ts' }, [rule]);

describe('applySafeFixes', () => {
  it('applies fixes pass after pass until none is left', () => {
    const outcome = applySafeFixes('const v = oldApi(oldApi(oldApi(1)));\n', analyser(renameCall));
    assert.equal(outcome.text, 'const v = newApi(newApi(newApi(1)));\n');
    assert.equal(outcome.fixesApplied, 3);
    assert.deepEqual(outcome.result.findings, []);
    const again = applySafeFixes(outcome.text, analyser(renameCall));
    assert.equal(again.fixesApplied, 0);
    assert.equal(again.text, outcome.text);
  });

  it('drops a pass that would add syntax errors', () => {
    const breaking = identifierRule('breaking', 'oldApi', (node, sf) => ({ start: node.getStart(sf), end: node.getEnd(), text: '(' }));
    const text = 'const v = oldApi(1);\n';
    const outcome = applySafeFixes(text, analyser(breaking));
    assert.equal(outcome.text, text);
    assert.equal(outcome.fixesApplied, 0);
    assert.equal(outcome.result.findings.length, 1);
  });

  it('keeps the other fixes when one fails to apply, and never throws', () => {
    // Two edits over the same span: applying them throws, as a rule's buggy fix would.
    const overlapping = identifierRule('overlapping', 'badApi', (node, sf) => ({ start: node.getStart(sf), end: node.getEnd(), text: 'x' }));
    const selfOverlap: Rule = {
      meta: overlapping.meta,
      create(context) {
        const listeners = overlapping.create({ ...context, report: (r) => context.report({ ...r, fixes: r.fixes?.map((f) => ({ ...f, edits: [...f.edits, ...f.edits.map((e) => ({ ...e, text: `${e.text}y` }))] })) }) });
        return listeners;
      },
    };
    const analyseBoth = (text: string) => analyze({ text, fileName: 'a.ts' }, [selfOverlap, renameCall]);
    const outcome = applySafeFixes('badApi(oldApi(1));\noldApi(2);\n', analyseBoth);
    assert.equal(outcome.text, 'badApi(newApi(1));\nnewApi(2);\n');
    assert.equal(outcome.fixesApplied, 2);
    assert.deepEqual(outcome.result.findings.map((f) => f.ruleId), ['overlapping']);
  });

  it('starts from the analysis it is given (the editor\'s cache)', () => {
    const text = 'const v = oldApi(1);\n';
    const first = analyser(renameCall)(text);
    let analyses = 0;
    const outcome = applySafeFixes(text, (t) => (analyses++, analyser(renameCall)(t)), first);
    assert.equal(outcome.text, 'const v = newApi(1);\n');
    assert.equal(analyses, 1);
  });

  it('gives one edit of the region that changes', () => {
    assert.deepEqual(changedRegionEdit('a\nconst v = oldApi(1);\nb\n', 'a\nconst v = newApi(1);\nb\n'), {
      range: { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } },
      newText: 'new',
    });
    assert.equal(changedRegionEdit('same', 'same'), undefined);
    // 😀 is two code units; an edit boundary never falls between them.
    assert.deepEqual(changedRegionEdit('x😀', 'x😁'), { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '😁' });
  });

  it(`stops after ${maxFixPasses} passes when a fix never settles`, () => {
    const restless = identifierRule('restless', 'oldApi', (node, sf) => ({ start: node.getStart(sf), end: node.getStart(sf), text: '/**/' }));
    const outcome = applySafeFixes('oldApi;\n', analyser(restless));
    assert.equal(outcome.fixesApplied, maxFixPasses);
    assert.equal(outcome.text, `${'/**/'.repeat(maxFixPasses)}oldApi;\n`);
  });
});
