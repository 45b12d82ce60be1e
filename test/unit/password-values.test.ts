import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parse } from '../../server/src/core/parse';
import { buildFacts } from '../../server/src/core/facts/facts';
import { isStoredPassword, plainPassword } from '../../server/src/core/rules/security/password-values';

/** The operands of the last `===` in `code`, with the file's facts. */
function operands(code: string): { left: ts.Expression; right: ts.Expression; facts: ReturnType<typeof buildFacts> } {
  const sourceFile = parse(code, 'x.ts');
  const facts = buildFacts(sourceFile, 'x.ts');
  let found: ts.BinaryExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  return { left: found!.left, right: found!.right, facts };
}

describe('password values', () => {
  it('sees a stored field and a typed password', () => {
    const { left, right, facts } = operands('app.post("/", async (req, res) => { const user = await User.findOne(); user.password === req.body.password; });');
    assert.ok(isStoredPassword(left, facts));
    assert.equal(plainPassword(right, facts), 'req.body.password');
    assert.equal(plainPassword(left, facts), undefined);
  });

  it('follows destructuring from a record and from the request', () => {
    const { left, right, facts } = operands('async function f(req) { const { password } = await db.findUser(); const { password: typed } = req.body; password === typed; }');
    assert.ok(isStoredPassword(left, facts));
    assert.ok(!isStoredPassword(right, facts));
  });

  it('treats elements of a user list as records', () => {
    const { left, facts } = operands('function f(users, password) { return users.find((u) => u.password === password); }');
    assert.ok(isStoredPassword(left, facts));
  });

  it('does not take calls, literals, settings or input objects for stored or typed passwords', () => {
    const a = operands('function f(password) { hash(password) === process.env.ADMIN_PASSWORD; }');
    assert.equal(plainPassword(a.left, a.facts), undefined);
    assert.equal(plainPassword(a.right, a.facts), undefined);
    const b = operands('function f(dto) { dto.password === dto.confirmPassword; }');
    assert.ok(!isStoredPassword(b.left, b.facts));
    assert.equal(plainPassword(b.right, b.facts), 'dto.confirmPassword');
  });
});
