/**
 * The walks of the facts, rules and fixes hold no deeper recursion than the parser's: code nested nearly as deep
 * as the parser can follow is analysed whole, never "partly analysed: nested too deeply for <rule>".
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { parse } from '../../server/src/core/parse';

interface Shape {
  name: string;
  text: (depth: number) => string;
  /** A finding the innermost code must still give, so the walk is known to have reached it. */
  expected: string;
}

const shapes: Shape[] = [
  {
    name: 'ifs in a function (guard-clause fix of deep-nesting)',
    text: (n) => `const db = require('./db');\nasync function h(req, res, x) {\n${'if (x) {\n'.repeat(n)}await db.query('SELECT 1');\n${'}\n'.repeat(n)}}\n`,
    expected: 'deep-nesting',
  },
  {
    name: 'callbacks in a route handler (request data)',
    text: (n) => `const fs = require('fs');\napp.get('/x', (req, res) => {\n${'fs.readFile(req.query.p, function (e, d) {\n'.repeat(n)}eval(req.body.code);\n${'});\n'.repeat(n)}});\n`,
    expected: 'code-injection',
  },
];

/** The deepest nesting of `shape` the parser takes here, by bisection. */
function parserLimit(shape: Shape): number {
  let lo = 1;
  let hi = 20_000;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      parse(shape.text(mid), 'deep.js');
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

describe('nesting depth: analysed whole as deep as the parser goes', function () {
  this.timeout(60_000);
  for (const shape of shapes) {
    it(shape.name, () => {
      // A little under the limit: analyze() parses a few frames deeper than this test does.
      const depth = Math.floor(parserLimit(shape) * 0.95);
      assert.ok(depth > 300, `the parser took only ${depth} levels`);
      // No time budget: this is about the stack, not the time.
      const result = analyze({ text: shape.text(depth), fileName: 'deep.js', budgetMs: Infinity });
      assert.equal(result.skipped, undefined);
      assert.equal(result.incomplete, undefined, `at depth ${depth}`);
      assert.deepEqual(result.internalErrors, []);
      assert.ok(result.findings.some((f) => f.ruleId === shape.expected), `no ${shape.expected} at depth ${depth}`);
    });
  }
});
