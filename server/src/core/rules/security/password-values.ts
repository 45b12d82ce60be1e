/**
 * The two questions both password rules ask of an expression: is it a password as someone typed it
 * (`req.body.password`, a `password` parameter, `dto.newPassword`), and is it the password a database row holds
 * (`user.password`, `rows[0].password_hash`, `this.password` in a model method)?
 */
import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { bindingPath } from '../../facts/scopes';
import { calleeName, dottedName, memberName, unwrap } from '../../facts/syntax';
import { isRecordName, isStoredPasswordName, passwordNameKind } from '../../facts/password-names';
import { preorderBelow } from '../../traverse';

/** The name an expression goes by: `password`, `req.body.password` → "password", `rows[0]` → "rows". */
export function lastName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e)) return memberName(e) ?? lastName(e.expression);
  return undefined;
}

/** Whether a name alone could be a password or its hash: the cheap test before asking facts anything. */
export function mayBePassword(expr: ts.Expression): boolean {
  const name = lastName(expr);
  return name !== undefined && passwordNameKind(name) !== undefined;
}

const fetchCall = /^(find|get|fetch|load|select|query|lookup|retrieve)/i;

/** A stored record: `user`, `dbUser`, `rows[0]`, `this` in a model, or `await User.findOne(…)` itself. */
function isRecord(expr: ts.Expression, facts: Facts): boolean {
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (facts.requestOrigin(e)) return false;
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    return name !== undefined && fetchCall.test(name);
  }
  const name = lastName(e);
  if (name !== undefined && isRecordName(name)) return true;
  return ts.isIdentifier(e) && isRecordCallbackParameter(e, facts);
}

const arrayMethods = new Set(['find', 'filter', 'some', 'every', 'findIndex', 'findLast']);

/** `u` in `users.find((u) => …)`: each element of a record list (an in-memory user table). */
function isRecordCallbackParameter(id: ts.Identifier, facts: Facts): boolean {
  const decl = facts.resolve(id);
  if (!decl || !ts.isParameter(decl)) return false;
  const fn = decl.parent;
  const call = fn.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !arrayMethods.has(callee.name.text)) return false;
  const list = lastName(callee.expression);
  return list !== undefined && isRecordName(list);
}

/** `user.password`, `row['password_hash']`, `this.password`, `storedHash`-like locals, `const { password } = user`. */
export function isStoredPassword(expr: ts.Expression, facts: Facts): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = memberName(e);
    return name !== undefined && passwordNameKind(name) !== undefined && isRecord(e.expression, facts);
  }
  if (!ts.isIdentifier(e) || passwordNameKind(e.text) === undefined || facts.requestOrigin(e)) return false;
  if (isStoredPasswordName(e.text)) return true;
  const decl = facts.resolve(e);
  if (decl && ts.isBindingElement(decl)) {
    const path = bindingPath(decl);
    return path !== undefined && ts.isVariableDeclaration(path.root) && path.root.initializer !== undefined && isRecord(path.root.initializer, facts);
  }
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    return (ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init)) && isStoredPassword(init, facts);
  }
  return false;
}

/** Settings and the environment hold the service's own credentials, not a user's. */
const settingsBase = /(^|\.)(env|config|configuration|settings|options|opts)$/i;

/**
 * The expression's text when it is a password as typed: request data under a password name, or a local,
 * parameter or input-object member named like one. Calls (`hash(pw)`), literals and stored fields are not.
 */
export function plainPassword(expr: ts.Expression, facts: Facts): string | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  const name = lastName(e);
  const named = name !== undefined && passwordNameKind(name) === 'plain';
  const origin = facts.requestOrigin(e);
  if (origin) {
    const sourceName = origin.source.split(/[.\s]/).pop() ?? '';
    return named || passwordNameKind(sourceName) === 'plain' ? e.getText() : undefined;
  }
  if (!named || isStoredPassword(e, facts)) return undefined;
  if (!ts.isIdentifier(e)) {
    const base = dottedName(e.expression);
    return base !== undefined && !settingsBase.test(base) ? e.getText() : undefined;
  }
  const decl = facts.resolve(e);
  if (!decl) return undefined;
  if (ts.isParameter(decl) || ts.isBindingElement(decl)) return e.text;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    // `const pw = body.password` passes a password on; `const password = generatePassword()` is not one typed.
    return plainPassword(decl.initializer, facts) !== undefined ? e.text : undefined;
  }
  return undefined;
}

/**
 * Whether `expr` (a name or a member chain) is assigned anew in its function before `at`: `password = await
 * bcrypt.hash(password, 10)` or `req.body.password = hashed` means what is written later is no longer plain.
 */
export function isReassignedBefore(expr: ts.Expression, at: ts.Node, facts: Facts): boolean {
  const target = dottedName(expr);
  const fn = facts.enclosingFunction(at);
  if (target === undefined || !fn?.body) return false;
  const { sourceFile } = facts;
  const limit = at.getStart(sourceFile);
  let found = false;
  preorderBelow(fn.body, (n) => {
    if (found || n.getStart(sourceFile) >= limit) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && dottedName(n.left) === target) found = true;
    return !found;
  });
  return found;
}
