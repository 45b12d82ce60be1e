/**
 * Whether an async function's promise cannot reject: all it does sits in a `try` whose `catch` handles the error
 * without throwing again, the UI idiom `const load = async () => { try { … } catch { setError(…) } }`. Dropping
 * such a promise loses nothing.
 */
import * as ts from 'typescript';
import { isFunctionLike } from './syntax';
import { preorderBelow } from '../traverse';

export function neverRejects(fn: ts.SignatureDeclaration): boolean {
  const body = isFunctionLike(fn) ? fn.body : undefined;
  // An expression body (`async () => fetch(url)`) is all outside any try.
  if (!body || !ts.isBlock(body)) return false;
  let guarded = false;
  for (const statement of body.statements) {
    if (ts.isTryStatement(statement)) {
      if (!handles(statement)) return false;
      guarded = true;
    } else if (!cannotThrow(statement)) return false;
  }
  return guarded;
}

function handles(statement: ts.TryStatement): boolean {
  if (!statement.catchClause || throwsOrAwaits(statement.catchClause.block)) return false;
  return !statement.finallyBlock || !throwsOrAwaits(statement.finallyBlock);
}

/** Statements that need no try around them: declarations of functions and of plain values, a bare `return`. */
function cannotThrow(statement: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(statement) || ts.isEmptyStatement(statement)) return true;
  if (ts.isReturnStatement(statement)) return statement.expression === undefined;
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((d) => d.initializer === undefined || isPlainValue(d.initializer));
}

function isPlainValue(expr: ts.Expression): boolean {
  return ts.isLiteralExpression(expr) || ts.isIdentifier(expr) || isFunctionLike(expr) || expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword || expr.kind === ts.SyntaxKind.NullKeyword;
}

/** A `throw` or an `await` in the block, not counting nested functions (their own promises are theirs). */
function throwsOrAwaits(block: ts.Block): boolean {
  let found = false;
  preorderBelow(block, (node) => {
    if (found || isFunctionLike(node)) return false;
    if (ts.isThrowStatement(node) || ts.isAwaitExpression(node)) found = true;
    return !found;
  });
  return found;
}
