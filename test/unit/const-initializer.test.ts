/**
 * The value a `const` name was declared with (Facts.constInitializer): the one place facts and rules ask whether
 * a name still holds its declared value, so a `let`, a parameter or a shadowing name must never answer.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { factsOf } from '../harness/facts-of';

/** The initializer's text for the last use of `name` in `source`, or undefined. */
function declaredValue(source: string, name: string): string | undefined {
  const facts = factsOf(source);
  let use: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !ts.isVariableDeclaration(n.parent) && !ts.isParameter(n.parent) && !ts.isBindingElement(n.parent)) use = n;
    ts.forEachChild(n, visit);
  };
  visit(facts.sourceFile);
  if (!use) throw new Error(`no use of \`${name}\` in the test source`);
  return facts.constInitializer(use)?.getText(facts.sourceFile);
}

describe('facts: the value a const name was declared with', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['a const bound to a literal', "const table = 'users'; run(table);", 'table', "'users'"],
    ['a const bound to any expression', 'const page = `<h1>${q}</h1>`; send(page);', 'page', '`<h1>${q}</h1>`'],
    ['the declaration in an outer scope', 'const limit = 10; function f() { return take(limit); }', 'limit', '10'],
    ['one of several declarators', "const a = 1, b = 'two'; use(b);", 'b', "'two'"],
    ['a let, which may be assigned again', "let sql = 'SELECT 1'; sql += x; run(sql);", 'sql', undefined],
    ['a var', "var name = 'x'; use(name);", 'name', undefined],
    ['a parameter shadowing the const', 'const id = 1; function f(id) { return use(id); }', 'id', undefined],
    ['an inner let shadowing the const', 'const id = 1; function f() { let id = 2; return use(id); }', 'id', undefined],
    ['a destructured const', 'const { host } = config; connect(host);', 'host', undefined],
    ['a for-of const, which has no initializer', 'for (const row of rows) save(row);', 'row', undefined],
    ['an import', "import { secret } from './env'; sign(secret);", 'secret', undefined],
    ['an undeclared global', 'use(process);', 'process', undefined],
  ];
  for (const [title, source, name, expected] of cases) {
    it(title, () => assert.equal(declaredValue(source, name), expected));
  }
});
