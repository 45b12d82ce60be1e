import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import type { Rule } from '../../server/src/core/rule';
import type { Severity } from '../../server/src/core/types';

/** A rule that reports every string literal with the severity the literal names. */
const echo: Rule = {
  meta: { id: 'echo', category: 'security', defaultSeverity: 'warning', title: 'echo', description: 'echo', fixable: 'none', sources: [] },
  create(context) {
    return {
      StringLiteral(node) {
        context.report({ at: node, message: node.text, severity: node.text === 'none' ? undefined : (node.text as Severity) });
      },
    };
  },
};

describe('a report’s own severity', () => {
  const severities = (config?: 'error' | 'info') =>
    analyze({ text: "f('error', 'info', 'hint', 'none');", fileName: 'a.ts', config: config && { rules: { echo: config }, ignore: [], ignorePatterns: [] } }, [echo]).findings.map((f) => f.severity);

  it('lowers the configured severity but never raises it', () => {
    assert.deepEqual(severities(), ['warning', 'info', 'hint', 'warning']);
    assert.deepEqual(severities('error'), ['error', 'info', 'hint', 'error']);
    assert.deepEqual(severities('info'), ['info', 'info', 'hint', 'info']);
  });
});

describe('hardcoded-secret severities', () => {
  const run = (text: string, fileName: string) => analyze({ text, fileName }).findings.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => f.severity);
  const login = "const jwt = require('jsonwebtoken');\nmodule.exports = (id) => jwt.sign({ id }, 'secret', { expiresIn: '1h' });\n";

  it('is an error in application code', () => assert.deepEqual(run(login, 'src/auth.js'), ['error']));
  it('is silent on a dummy in tests, and information for an issued credential there', () => {
    assert.deepEqual(run(login, 'src/auth.test.js'), []);
    assert.deepEqual(run(login, 'src/__tests__/auth.js'), []);
    const issued = "export const key = 'sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ';\n";
    assert.deepEqual(run(issued, 'src/pay.test.ts'), ['info']);
  });
  it('is information for a Stripe test key', () => {
    assert.deepEqual(run("import Stripe from 'stripe';\nexport const s = new Stripe('sk_test_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ');\n", 'src/pay.ts'), ['info']);
    assert.deepEqual(run("export const key = 'sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ';\n", 'src/pay.ts'), ['error']);
  });
});
