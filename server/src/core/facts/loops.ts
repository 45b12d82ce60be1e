/**
 * The loops a node runs in, within its function: `for`, `for…of`, `for…in`, `while`, `do`, and the callbacks of
 * `forEach`/`map`/`flatMap` (which run once per element just the same). A function defined inside a loop body
 * (a route handler registered per path, a `setTimeout` callback) ends the search: it does not run per iteration.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { isFunctionLike, memberName, unwrap } from './syntax';

export interface Loop {
  node: ts.IterationStatement | ts.CallExpression;
  kind: 'for' | 'for-of' | 'for-in' | 'while' | 'do' | 'callback';
  /** The per-item binding's name (`order` in `for (const order of orders)`, the callback's first parameter). */
  item?: string;
  /** What is iterated (`orders`), for `for…of`, `for…in` and callbacks. */
  iterable?: ts.Expression;
  /** The callback, for `forEach`/`map`/`flatMap`. */
  callback?: ts.ArrowFunction | ts.FunctionExpression;
}

const perElementMethods = new Set(['forEach', 'map', 'flatMap']);

/** The callback loop `fn` is: the first argument of `items.forEach/map/flatMap`. */
export function callbackLoop(fn: ts.Node): Loop | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !perElementMethods.has(callee.name.text)) return undefined;
  const first = fn.parameters[0];
  return { node: call, kind: 'callback', item: first && ts.isIdentifier(first.name) ? first.name.text : undefined, iterable: callee.expression, callback: fn };
}

/** The loops around `node`, innermost first, for which `node` is in the part that runs per iteration. */
export function enclosingLoops(node: ts.Node): Loop[] {
  const out: Loop[] = [];
  let child: ts.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isFunctionLike(n)) {
      const loop = callbackLoop(n);
      if (!loop) break;
      out.push(loop);
      continue;
    }
    if (ts.isForOfStatement(n) || ts.isForInStatement(n)) {
      if (child !== n.statement) continue;
      const init = n.initializer;
      const decl = ts.isVariableDeclarationList(init) ? init.declarations[0]?.name : init;
      out.push({ node: n, kind: ts.isForOfStatement(n) ? 'for-of' : 'for-in', item: decl && ts.isIdentifier(decl) ? decl.text : undefined, iterable: n.expression });
    } else if (ts.isForStatement(n)) {
      if (child === n.statement) out.push({ node: n, kind: 'for' });
    } else if (ts.isWhileStatement(n) || ts.isDoStatement(n)) {
      if (child === n.statement) out.push({ node: n, kind: ts.isWhileStatement(n) ? 'while' : 'do' });
    }
  }
  return out;
}

/**
 * A loop that runs a fixed, small number of times: `for (let i = 0; i < 3; i++)`, `i < MAX_RETRIES`, over an
 * array literal, or a callback on one.
 */
export function isBoundedConstantLoop(loop: Loop, facts: Facts): boolean {
  if (loop.kind === 'for') {
    const cond = (loop.node as ts.ForStatement).condition;
    if (!cond || !ts.isBinaryExpression(cond)) return false;
    const op = cond.operatorToken.kind;
    const bound = op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken ? cond.right : op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken ? cond.left : undefined;
    return bound !== undefined && (ts.isNumericLiteral(unwrap(bound)) || facts.isConstant(bound));
  }
  if (loop.iterable) return ts.isArrayLiteralExpression(unwrap(loop.iterable));
  return false;
}

/** Whether `node` runs inside `loop` per iteration and `decl` is declared inside the loop, so it changes with it. */
export function isDeclaredInLoop(decl: ts.Node, loop: Loop): boolean {
  const n = loop.node;
  return decl.pos >= n.pos && decl.end <= n.end && (loop.kind !== 'callback' || (loop.callback !== undefined && decl.pos >= loop.callback.pos && decl.end <= loop.callback.end));
}

/** `items.forEach` → "forEach"; used in messages. */
export function loopMethod(loop: Loop): string | undefined {
  return loop.kind === 'callback' ? memberName(unwrap((loop.node as ts.CallExpression).expression)) : undefined;
}
