/**
 * Reads of the request's `Origin` header, however a framework spells them: `req.headers.origin`,
 * `req.get('origin')`, `req.header('Origin')`, Koa's `ctx.get('Origin')` and `ctx.request.header.origin`,
 * Hono's `c.req.header('origin')`, and fetch-style `request.headers.get('origin')`; through a local name bound
 * to one (`const origin = req.headers.origin`, `const { origin } = req.headers`).
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { calleeName, memberName, unwrap } from './syntax';
import { bindingPath } from './scopes';

const headerObjects = new Set(['headers', 'header']);
const headerGetters = new Set(['get', 'header', 'getHeader']);

/** `X.headers.origin`, `X.get('origin')` and the like, written in place. */
function isDirectRead(e: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = memberName(e);
    const base = unwrap(e.expression);
    return name?.toLowerCase() === 'origin' && (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) && headerObjects.has(memberName(base) ?? '');
  }
  if (ts.isCallExpression(e)) {
    const arg = e.arguments[0];
    return e.arguments.length === 1 && arg !== undefined && ts.isStringLiteralLike(arg) && arg.text.toLowerCase() === 'origin' && headerGetters.has(calleeName(e) ?? '');
  }
  return false;
}

/**
 * The declaration of a local name bound to the Origin header, or the read itself; undefined when `expr` is
 * not the header's value. `origin || '*'` and `origin ?? fallback` still send the origin back when there is one.
 */
export function originHeaderRead(expr: ts.Expression, facts: Facts, depth = 0): ts.Node | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(expr);
  if (isDirectRead(e)) return e;
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    return op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken ? originHeaderRead(e.left, facts, depth + 1) : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  if (!decl) return undefined;
  if (ts.isVariableDeclaration(decl) && decl.initializer) return originHeaderRead(decl.initializer, facts, depth + 1) && decl;
  if (ts.isBindingElement(decl)) {
    const found = bindingPath(decl);
    const root = found && ts.isVariableDeclaration(found.root) && found.root.initializer ? unwrap(found.root.initializer) : undefined;
    const last = found?.path[found.path.length - 1];
    if (!root || last?.toLowerCase() !== 'origin') return undefined;
    // `const { origin } = req.headers` or `const { headers: { origin } } = req`
    if (found!.path.length === 2) return headerObjects.has(found!.path[0]) ? decl : undefined;
    const base = found!.path.length === 1 ? root : undefined;
    return base && (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) && headerObjects.has(memberName(base) ?? '') ? decl : undefined;
  }
  return undefined;
}
