import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parse } from '../../server/src/core/parse';
import { removePropertyEdit } from '../../server/src/core/fixers/remove-property';

function remove(source: string, key: string): string {
  const sourceFile = parse(source, 'file.ts');
  let result: string | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const p = n.properties.find((x) => x.name !== undefined && ts.isIdentifier(x.name) && x.name.text === key);
      if (p) {
        const edit = removePropertyEdit(sourceFile, n, p);
        result = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  assert.ok(result !== undefined, `no property ${key}`);
  return result;
}

describe('fixers: remove a property', () => {
  it('removes the first of several with its comma', () => {
    assert.equal(remove('f({ noent: true, nonet: true });', 'noent'), 'f({ nonet: true });');
  });
  it('removes the last with the comma before it', () => {
    assert.equal(remove('f({ nonet: true, noent: true });', 'noent'), 'f({ nonet: true });');
  });
  it('keeps a trailing comma', () => {
    assert.equal(remove('f({\n  a: 1,\n  noent: true,\n});', 'noent'), 'f({\n  a: 1,\n});');
  });
  it('removes a property on its own line', () => {
    assert.equal(remove('f({\n  noent: true,\n  a: 1,\n});', 'noent'), 'f({\n  a: 1,\n});');
  });
  it('leaves an empty object when it was the only one', () => {
    assert.equal(remove('f({ noent: true });', 'noent'), 'f({});');
  });
});
