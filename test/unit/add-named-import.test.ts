/** addNamedImport: a named binding added to the file's import of the module, or a new import in its style. */
import * as assert from 'node:assert/strict';
import { buildFacts } from '../../server/src/core/facts/facts';
import { addNamedImport } from '../../server/src/core/fixers/add-import';
import { parse } from '../../server/src/core/parse';

function apply(text: string, fileName: string): string | undefined {
  const result = addNamedImport(buildFacts(parse(text, fileName), fileName), { module: '@nestjs/throttler', name: 'Throttle' });
  if (!result) return undefined;
  const e = result.edit;
  return e ? text.slice(0, e.start) + e.text + text.slice(e.end) : `(uses ${result.name})`;
}

describe('addNamedImport', () => {
  it('adds to an existing named import of the module', () => {
    assert.equal(apply(`import { SkipThrottle } from '@nestjs/throttler';\nx;`, 'a.ts'), `import { SkipThrottle, Throttle } from '@nestjs/throttler';\nx;`);
  });
  it('adds an import after the last one', () => {
    assert.equal(apply(`import { Post } from '@nestjs/common';\nx;`, 'a.ts'), `import { Post } from '@nestjs/common';\nimport { Throttle } from '@nestjs/throttler';\nx;`);
  });
  it('writes a require in a CommonJS file', () => {
    assert.equal(apply(`const x = require('x');\nx;`, 'a.js'), `const x = require('x');\nconst { Throttle } = require('@nestjs/throttler');\nx;`);
  });
  it('reuses an existing binding, under its own name', () => {
    assert.equal(apply(`import { Throttle as Limit } from '@nestjs/throttler';\nLimit;`, 'a.ts'), '(uses Limit)');
  });
  it('gives up when the name is taken by something else', () => {
    assert.equal(apply(`import { Throttle } from './throttle';\nThrottle;`, 'a.ts'), undefined);
  });
});
