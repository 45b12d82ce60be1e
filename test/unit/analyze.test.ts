/** analyze() never throws, whatever it is given, and a failing rule loses only its own findings. */
import * as assert from 'node:assert/strict';
import { analyze, analyzeIncrementally, maxFileBytes, skipReason } from '../../server/src/core/analyze';
import { rules } from '../../server/src/core/registry';
import type { Rule } from '../../server/src/core/rule';
import { resolveConfig } from '../../server/src/core/config';
import { TextChange } from '../../server/src/core/incremental/plan';

const unexpiredToken = "const jwt = require('jsonwebtoken');\nconst t = jwt.sign({ sub: 1 }, process.env.S);\n";

describe('analyze', () => {
  it('reports what it can find in code that does not parse', () => {
    const text = unexpiredToken + 'function broken( {\n  return\n';
    const result = analyze({ text, fileName: 'broken.js' });
    assert.ok(result.parseErrors.length > 0);
    assert.equal(result.findings.filter((f) => f.ruleId === 'jwt-missing-expiry').length, 1);
  });

  it('skips files over 2 MB and files with NUL bytes, with a reason', () => {
    assert.match(analyze({ text: 'x'.repeat(maxFileBytes + 1), fileName: 'big.js' }).skipped ?? '', /larger than 2 MB/);
    assert.match(analyze({ text: 'a\u0000b', fileName: 'bin.js' }).skipped ?? '', /NUL/);
  });

  it('after an edit, looks for NUL bytes in what the edit changed, and finds one typed anywhere', () => {
    const before = unexpiredToken.repeat(40);
    const base = analyzeIncrementally({ text: before, fileName: 'app.js' }, rules).base;
    assert.ok(base);
    for (const at of [0, 1, before.length / 2, before.length - 1, before.length]) {
      const text = before.slice(0, at) + '\u0000' + before.slice(at);
      assert.equal(skipReason(text, new TextChange(before, text)), skipReason(text), `at ${at}`);
      assert.match(analyzeIncrementally({ text, fileName: 'app.js' }, rules, base).result.skipped ?? '', /NUL/, `at ${at}`);
    }
    const replaced = before.replace('sub: 1', 'sub:\u00001');
    assert.match(skipReason(replaced, new TextChange(before, replaced)) ?? '', /NUL/);
    assert.equal(skipReason(before.replace('sub: 1', 'sub: 2'), new TextChange(before, before.replace('sub: 1', 'sub: 2'))), undefined);
  });

  it('does not throw on empty, whitespace, non-code and deeply nested input', () => {
    const inputs = ['', '   \n\n', '\uFEFF', '<<<<<<< HEAD\n=======\n>>>>>>> x\n', 'a' + '+a'.repeat(20000), '`${'.repeat(300), '((((('.repeat(200)];
    for (const text of inputs) {
      const result = analyze({ text, fileName: 'odd.ts' });
      assert.deepEqual(result.internalErrors.map((e) => e.message), []);
    }
  });

  it('skips, with a reason, code nested too deeply for the parser', () => {
    const result = analyze({ text: '{'.repeat(20000), fileName: 'deep.js' });
    assert.deepEqual(result.internalErrors, []);
    assert.match(result.skipped ?? '', /nested too deeply/);
  });

  it('a rule that throws loses its findings and is reported once; the others still report', () => {
    const thrower: Rule = {
      meta: { ...rules[0].meta, id: 'always-throws' },
      create: () => ({
        CallExpression: () => {
          throw new Error('boom');
        },
      }),
    };
    const result = analyze({ text: unexpiredToken, fileName: 'a.js' }, [thrower, ...rules]);
    assert.equal(result.internalErrors.length, 1);
    assert.match(result.internalErrors[0].message, /rule always-throws failed on a\.js: boom/);
    assert.ok(result.findings.every((f) => f.ruleId !== 'always-throws'));
    assert.ok(result.findings.some((f) => f.ruleId === 'jwt-missing-expiry'));
  });

  it('applies severities and "off" from the config', () => {
    const ids = rules.map((r) => r.meta.id);
    const off = resolveConfig({ rules: { 'jwt-missing-expiry': 'off' } }, 'vigil.config.json', ids).config;
    assert.equal(analyze({ text: unexpiredToken, fileName: 'a.js', config: off }).findings.length, 0);
    const error = resolveConfig({ rules: { 'jwt-missing-expiry': 'error' } }, 'vigil.config.json', ids).config;
    assert.equal(analyze({ text: unexpiredToken, fileName: 'a.js', config: error }).findings[0].severity, 'error');
  });

  it('gives LSP ranges: 0-based lines, UTF-16 characters', () => {
    const text = "const jwt = require('jsonwebtoken');\nconst é = '😀'; const t = jwt.sign({ sub: 1 }, k);\n";
    const finding = analyze({ text, fileName: 'a.js' }).findings[0];
    assert.deepEqual(finding.range.start, { line: 1, character: text.split('\n')[1].indexOf('jwt.sign') });
  });
});
