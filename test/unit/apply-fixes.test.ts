/** `--fix` passes on one text, with stand-in rules whose fixes are safe (no registered rule's need be). */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import type { Rule } from '../../server/src/core/rule';
import { analyze } from '../../server/src/core/analyze';
import { applySafeFixes, maxFixPasses } from '../../server/src/cli/apply-fixes';

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

  it(`stops after ${maxFixPasses} passes when a fix never settles`, () => {
    const restless = identifierRule('restless', 'oldApi', (node, sf) => ({ start: node.getStart(sf), end: node.getStart(sf), text: '/**/' }));
    const outcome = applySafeFixes('oldApi;\n', analyser(restless));
    assert.equal(outcome.fixesApplied, maxFixPasses);
    assert.equal(outcome.text, `${'/**/'.repeat(maxFixPasses)}oldApi;\n`);
  });
});
