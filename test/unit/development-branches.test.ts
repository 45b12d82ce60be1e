import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';
import { inDevelopmentOnlyBranch } from '../../server/src/core/facts/development-branches';

describe('facts: development-only branches', () => {
  const cases: [string, string, boolean][] = [
    ["if (process.env.NODE_ENV === 'development') { use(a); }", 'use(a)', true],
    ["if (process.env.NODE_ENV !== 'production') { use(a); }", 'use(a)', true],
    ["if (process.env.NODE_ENV === 'production') { use(a); } else { use(b); }", 'use(b)', true],
    ["if (process.env.NODE_ENV === 'production') { use(a); } else { use(b); }", 'use(a)', false],
    ['if (isDev) { use(a); }', 'use(a)', true],
    ['if (!isProduction) { use(a); }', 'use(a)', true],
    ['if (isProduction) { use(a); }', 'use(a)', false],
    ["const x = config.env === 'local' ? use(a) : use(b);", 'use(a)', true],
    ["const x = config.env === 'local' ? use(a) : use(b);", 'use(b)', false],
    ['if (user.isAdmin) { use(a); }', 'use(a)', false],
    ['use(a);', 'use(a)', false],
  ];
  for (const [source, snippet, expected] of cases) {
    it(`${expected ? 'development only' : 'may run in production'}: ${snippet} in ${source}`, () => {
      const facts = factsOf(source);
      assert.equal(inDevelopmentOnlyBranch(expressionAt(facts, snippet)), expected);
    });
  }
});
