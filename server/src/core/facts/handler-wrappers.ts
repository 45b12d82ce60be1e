/**
 * Handler wrappers written in the project: `const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next)`,
 * `function wrap(fn) { return async (req, res, next) => { try { await fn(req, res, next) } catch (e) { next(e) } } }`.
 * The function such a wrapper is given is a request handler whatever its parameters are called: the wrapper
 * calls it with the request. Recognised by shape, never by the wrapper's name: it returns a function that looks
 * like a handler and calls the wrapped parameter with that function's own first two arguments.
 */
import * as ts from 'typescript';
import { type Declaration, functionDeclaredBy } from './scopes';
import { isFunctionLike, unwrap } from './syntax';

/** Parameter names a handler's request, response and `next` go by, when nothing else says the function is one. */
const handlerParameterNames = /^(req|request|res|response|reply|next|ctx)$/;

/** The 0-based index of the parameter `fn` wraps into a request handler, when `fn` is a handler wrapper. */
export function wrappedParameter(fn: ts.FunctionLikeDeclaration): number | undefined {
  const handler = returnedFunction(fn);
  if (!handler || handler.parameters.length < 2) return undefined;
  const names = handler.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  const [request, response] = names;
  if (request === undefined || response === undefined || !looksLikeHandler(handler, names)) return undefined;
  const wrapped = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  let found: number | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      const [a, b] = n.arguments;
      const index = ts.isIdentifier(callee) ? wrapped.indexOf(callee.text) : -1;
      if (index >= 0 && a && b && isName(a, request) && isName(b, response)) found = index;
    }
    ts.forEachChild(n, visit);
  };
  if (handler.body) visit(handler.body);
  return found;
}

/**
 * Whether `fn`, a function expression passed to a call, is the handler a wrapper makes a route of: the call's
 * callee is a wrapper of this file (`resolve`) or another module's export summarised as one (`imported`, the
 * index of the argument it wraps).
 */
export function isWrappedHandler(fn: ts.SignatureDeclaration, resolve: (id: ts.Identifier) => Declaration | undefined, imported: (call: ts.CallExpression) => number | undefined): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call)) return false;
  const index = call.arguments.indexOf(fn);
  if (index < 0) return false;
  const callee = unwrap(call.expression);
  const local = ts.isIdentifier(callee) ? functionDeclaredBy(resolve(callee)) : undefined;
  if (local) return wrappedParameter(local) === index;
  return imported(call) === index;
}

/** The function `fn` returns: its expression body, or its last top-level `return`. */
function returnedFunction(fn: ts.FunctionLikeDeclaration): ts.FunctionLikeDeclaration | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let value: ts.Expression | undefined;
  if (!ts.isBlock(body)) value = body;
  else {
    for (const s of body.statements) if (ts.isReturnStatement(s)) value = s.expression;
  }
  const e = value && unwrap(value);
  return e && isFunctionLike(e) ? e : undefined;
}

/**
 * A handler's parameters go by a handler's names, or it takes three and uses the third as Express's `next`:
 * calls it, or hands it on (`.catch(next)`). `memoize(fn)` returning `(a, b) => fn(a, b)` is no handler.
 */
function looksLikeHandler(handler: ts.FunctionLikeDeclaration, names: readonly (string | undefined)[]): boolean {
  if (names.some((n) => n !== undefined && handlerParameterNames.test(n))) return true;
  const next = names[2];
  if (next === undefined || names.length !== 3 || !handler.body) return false;
  let used = false;
  const visit = (n: ts.Node): void => {
    if (used) return;
    if (ts.isCallExpression(n) && (isName(n.expression, next) || n.arguments.some((a) => isName(a, next)))) used = true;
    ts.forEachChild(n, visit);
  };
  visit(handler.body);
  return used;
}

function isName(e: ts.Expression, name: string): boolean {
  const u = unwrap(e);
  return ts.isIdentifier(u) && u.text === name;
}
