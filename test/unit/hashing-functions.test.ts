import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { hashedParameterOf } from '../../server/src/core/facts/hashing-functions';
import { factsOf } from '../harness/facts-of';

function hashedBy(text: string, name: string): { parameters: number[]; algorithm: string } | undefined {
  const facts = factsOf(text, 'file.js');
  let fn: ts.FunctionLikeDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name?.text === name) fn = n;
    ts.forEachChild(n, visit);
  };
  visit(facts.sourceFile);
  const found = fn && hashedParameterOf(fn, facts);
  return found && { parameters: found.parameters, algorithm: found.algorithm };
}

describe('facts: which parameters a function hashes with a fast digest', () => {
  const crypto = "const crypto = require('crypto');\n";
  it('createHash(…).update(param)', () => {
    assert.deepEqual(hashedBy(`${crypto}function digest(s) { return crypto.createHash('md5').update(s).digest('hex'); }`, 'digest'), { parameters: [0], algorithm: 'MD5' });
  });
  it('through concatenation, a template, Buffer.from and a local constant', () => {
    assert.deepEqual(hashedBy(`${crypto}function h(salt, pw) { const v = Buffer.from(\`\${salt}:\${pw}\`); return crypto.createHash('sha1').update(v).digest('hex'); }`, 'h'), { parameters: [0, 1], algorithm: 'SHA-1' });
  });
  it('a digest package', () => {
    assert.deepEqual(hashedBy("const md5 = require('md5');\nfunction h(x) { return md5(x); }", 'h'), { parameters: [0], algorithm: 'MD5' });
  });
  it('not a keyed digest, a slow hash, a value that is not the parameter, or a nested function', () => {
    assert.equal(hashedBy(`${crypto}function h(k, x) { return crypto.createHmac('sha256', k).update(x).digest('hex'); }`, 'h'), undefined);
    assert.equal(hashedBy("const bcrypt = require('bcrypt');\nfunction h(x) { return bcrypt.hash(x, 10); }", 'h'), undefined);
    assert.equal(hashedBy(`${crypto}function h(x) { return crypto.createHash('md5').update(String(Date.now())).digest('hex'); }`, 'h'), undefined);
    assert.equal(hashedBy(`${crypto}function h(x) { return (y) => crypto.createHash('md5').update(y).digest('hex'); }`, 'h'), undefined);
  });
});
