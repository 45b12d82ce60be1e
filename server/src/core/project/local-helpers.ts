/**
 * The file's own helpers an exported function calls (`exports.find = (email) => lookup(email)` with `function
 * lookup(e) { return db.findByEmail(e) }` beside it), so that its summary says what they do with its parameters:
 * the sinks in their bodies and the calls they pass the parameters on to. One helper deep, as the project's
 * summaries are bounded in depth: a helper's own helpers are not followed.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';

/** The file's functions `fn` calls by name, other than `fn` itself and those in `exclude` (the exported ones). */
export function calledLocalHelpers(fn: ts.FunctionLikeDeclaration, facts: Facts, exclude: ReadonlySet<ts.Node>): ts.FunctionLikeDeclaration[] {
  const out: ts.FunctionLikeDeclaration[] = [];
  if (!fn.body) return out;
  facts.walk(fn.body, (n) => {
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression)) return;
    const helper = facts.localFunction(n.expression);
    if (helper && helper !== fn && helper.body && !exclude.has(helper) && !out.includes(helper)) out.push(helper);
  });
  return out;
}
