/**
 * An edit that only changes one name (a name being typed) leaves every other token, so what the pre-processor reads
 * of the imports is as before; anything else, even one character, may not.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { onlyAnIdentifier } from '../../server/src/core/incremental/identifier-edit';
import { TextChange } from '../../server/src/core/incremental/plan';
import { importsOf } from '../../server/src/core/project/file-summary';
import { parse } from '../../server/src/core/parse';

const text = [
  "const db = require('./db');",
  'async function load(user) {',
  "  const rows = await db.query('SELECT 1', [user.id]);",
  '  const total = rows.length / 2; // half',
  '  return rows;',
  '}',
  '',
].join('\n');

function after(from: string, to: string): boolean {
  const edited = text.replace(from, to);
  assert.notEqual(edited, text, from);
  return onlyAnIdentifier(new TextChange(text, edited), parse(edited, 'app.js'));
}

describe('an edit of one name only', () => {
  it('is a letter typed into or deleted from a name', () => {
    assert.equal(after('rows.length', 'rowsx.length'), true);
    assert.equal(after('user.id]', 'use.id]'), true);
    assert.equal(after('const total', 'const totalCount'), true);
  });

  it('is not an edit in a string, a comment, or one that makes or unmakes a keyword', () => {
    assert.equal(after("'./db'", "'./dbx'"), false, 'a module specifier');
    assert.equal(after("'SELECT 1'", "'SELECTx 1'"), false, 'a word in a string');
    assert.equal(after('// half', '// halfx'), false, 'a comment');
    assert.equal(after('require(', 'requir('), false, 'require is what imports are read by');
    assert.equal(after('  return rows;', '  returnx rows;'), false, 'a keyword typed into');
    assert.equal(after('rows.length / 2', 'rows.length / 2x'), false, 'a number');
    assert.equal(after('rows.length', 'rows.len gth'), false, 'a space in a name');
  });

  it('keeps the imports TypeScript pre-processes where it says so', () => {
    const withRequire = `${text}function later() { return requir('./late'); }\n`;
    const typed = withRequire.replace("requir('./late')", "require('./late')");
    assert.notDeepEqual(importsOf(typed), importsOf(withRequire));
    assert.equal(onlyAnIdentifier(new TextChange(withRequire, typed), parse(typed, 'app.js')), false);
    const renamed = withRequire.replace('function later', 'function laterx');
    assert.deepEqual(importsOf(renamed), importsOf(withRequire));
    assert.equal(onlyAnIdentifier(new TextChange(withRequire, renamed), ts.createSourceFile('app.js', renamed, ts.ScriptTarget.Latest, true)), true);
  });
});
