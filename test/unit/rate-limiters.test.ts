/** Rate limiter recognition: limiter libraries, functions that consume a limiter, and the name heuristic. */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { buildFacts } from '../../server/src/core/facts/facts';
import { RateLimiterIndex } from '../../server/src/core/facts/rate-limiters';
import { parse } from '../../server/src/core/parse';

/** Whether the last statement's expression is a limiter, after the declarations before it. */
function isLimiter(text: string): boolean {
  const sourceFile = parse(text, 'app.ts');
  const last = sourceFile.statements[sourceFile.statements.length - 1];
  assert.ok(ts.isExpressionStatement(last));
  return new RateLimiterIndex(buildFacts(sourceFile, 'app.ts')).isLimiter(last.expression);
}

describe('rate limiters', () => {
  const limiting: [string, string][] = [
    ['express-rate-limit default import', `import rateLimit from 'express-rate-limit';\nrateLimit({ limit: 5 });`],
    ['a const bound to express-rate-limit', `const { rateLimit } = require('express-rate-limit');\nconst loginLimiter = rateLimit({ limit: 5 });\nloginLimiter;`],
    ['express-slow-down', `import slowDown from 'express-slow-down';\nslowDown({ delayAfter: 3 });`],
    ['express-brute prevent', `import ExpressBrute from 'express-brute';\nconst guard = new ExpressBrute(store);\nguard.prevent;`],
    ['hono-rate-limiter', `import { rateLimiter } from 'hono-rate-limiter';\nrateLimiter({ limit: 5 });`],
    ['a function consuming rate-limiter-flexible', `import { RateLimiterMemory } from 'rate-limiter-flexible';\nconst points = new RateLimiterMemory({ points: 5 });\nfunction guard(req, res, next) { points.consume(req.ip).then(next); }\nguard;`],
    ['a locally imported limiter by name', `import { authRateLimit } from './middleware/limits';\nauthRateLimit;`],
    ['a module path that says it limits', `const protect = require('../middleware/rateLimiter');\nprotect;`],
    ['an unresolved limiter name', `loginLimiter;`],
    ['a Fastify route config', `({ rateLimit: { max: 5 } });`],
    ['an array holding a limiter', `[validate, loginLimiter];`],
  ];
  for (const [name, text] of limiting) it(`recognises ${name}`, () => assert.equal(isLimiter(text), true));

  const notLimiting: [string, string][] = [
    ['lodash throttle', `import { throttle } from 'lodash';\nthrottle;`],
    ['express.json()', `import express from 'express';\nexpress.json({ limit: '1mb' });`],
    ['a validator', `import { validate } from './middleware/validate';\nvalidate('login');`],
    ['a Fastify config opting out', `({ rateLimit: false });`],
    ['a function that never limits', `function audit(req, res, next) { console.log(req.path); next(); }\naudit;`],
  ];
  for (const [name, text] of notLimiting) it(`does not take ${name} for a limiter`, () => assert.equal(isLimiter(text), false));
});
