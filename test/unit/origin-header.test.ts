import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';
import { originHeaderRead } from '../../server/src/core/facts/origin-header';

describe('facts: reads of the request Origin header', () => {
  const cases: [string, string, boolean][] = [
    ['f(req.headers.origin);', 'req.headers.origin', true],
    ["f(req.headers['origin']);", "req.headers['origin']", true],
    ["f(req.get('Origin'));", "req.get('Origin')", true],
    ["f(ctx.get('origin'));", "ctx.get('origin')", true],
    ['f(ctx.request.header.origin);', 'ctx.request.header.origin', true],
    ["f(c.req.header('origin'));", "c.req.header('origin')", true],
    ["f(request.headers.get('origin'));", "request.headers.get('origin')", true],
    ["const o = req.headers.origin; f(o || '*');", "o || '*'", true],
    ['const { origin } = req.headers; f(origin);', 'origin', true],
    ['const { headers: { origin } } = req; f(origin);', 'origin', true],
    ['f(req.headers.referer);', 'req.headers.referer', false],
    ["f(req.get('host'));", "req.get('host')", false],
    ['const origin = config.origin; f(origin);', 'origin', false],
    ["f(allowed.includes(req.headers.origin) ? req.headers.origin : '');", "allowed.includes(req.headers.origin) ? req.headers.origin : ''", false],
  ];
  for (const [source, snippet, expected] of cases) {
    it(`${expected ? 'reads' : 'does not read'} the Origin header: ${source}`, () => {
      const facts = factsOf(source);
      assert.equal(originHeaderRead(expressionAt(facts, snippet), facts) !== undefined, expected);
    });
  }
});
