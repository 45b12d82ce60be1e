/**
 * What a function does to the database when it is called: the per-item query its parameters reach (a
 * `getCustomer(id)` helper called once per loop item is N+1), and the first write it runs outside a transaction of
 * its own (two helper writes after a charge need one around them). n-plus-one-query and missing-transaction ask it
 * of the file's own helpers; the project summary records it for the functions a module exports.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { factKey } from './facts';
import { DatabaseQuery, databaseQueryOf } from './database-reads';
import { DatabaseWrite, databaseWriteOf, transactionIndex } from './database-writes';
import { unwrap } from './syntax';

/** How many helpers deep a query is followed within one file (`list` → `load` → `fetchRow`). */
const helperDepth = 3;

/** A query that is one per item of a list: not already set-based, not one page of a paginated scan. */
export function isPerItemQuery(q: DatabaseQuery): boolean {
  return !q.batched && !q.paged && !q.catalog;
}

/** `getCustomer(id)` or `this.getCustomer(id)`: a function or method of this file. */
export function localHelper(call: ts.CallExpression, facts: Facts): ts.FunctionLikeDeclaration | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return facts.localFunction(callee);
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = call.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    return cls ? methodsOf(cls as ts.ClassLikeDeclaration, facts).get(callee.name.text) : undefined;
  }
  return undefined;
}

const methodsFact = factKey<Map<string, ts.MethodDeclaration>>('class methods');

function methodsOf(cls: ts.ClassLikeDeclaration, facts: Facts): Map<string, ts.MethodDeclaration> {
  return facts.memo(methodsFact, cls, () => {
    const methods = new Map<string, ts.MethodDeclaration>();
    for (const m of cls.members) if (ts.isMethodDeclaration(m) && m.body && ts.isIdentifier(m.name)) methods.set(m.name.text, m);
    return methods;
  });
}

/** Whether a name under `nodes` is one of `fn`'s parameters: what the caller passes reaches it. */
export function usesParameters(nodes: readonly ts.Node[], fn: ts.FunctionLikeDeclaration, facts: Facts): boolean {
  const params = fn.parameters;
  if (params.length === 0) return false;
  const start = params[0].pos;
  const end = params[params.length - 1].end;
  let found = false;
  for (const node of nodes) {
    facts.walk(node, (n) => {
      if (found) return false;
      if (ts.isIdentifier(n)) {
        const decl = facts.resolve(n);
        if (decl && decl.pos >= start && decl.end <= end) found = true;
      }
      return !found;
    });
  }
  return found;
}

/** The first per-item query `fn` runs with what its caller passes, directly or through another helper of the file. */
export function helperQueryOf(fn: ts.FunctionLikeDeclaration, facts: Facts): DatabaseQuery | undefined {
  return queryOf(fn, facts, 1, new Set());
}

const helperQueryFact = factKey<DatabaseQuery | undefined>('helper query');

function queryOf(fn: ts.FunctionLikeDeclaration, facts: Facts, depth: number, visiting: Set<ts.Node>): DatabaseQuery | undefined {
  if (visiting.has(fn)) return undefined;
  visiting.add(fn);
  return facts.memo(helperQueryFact, fn, () => {
    let found: DatabaseQuery | undefined;
    if (!fn.body) return undefined;
    facts.walk(fn.body, (n) => {
      if (found) return false;
      if (ts.isCallExpression(n)) {
        // Only a query the caller's arguments reach is run per item; `getCurrentSchema()` inside is not.
        const q = databaseQueryOf(n, facts);
        if (q && isPerItemQuery(q) && usesParameters(q.chain.flatMap((c) => [...c.arguments]), fn, facts)) found = q;
        else if (depth < helperDepth && usesParameters(n.arguments, fn, facts)) {
          const inner = localHelper(n, facts);
          if (inner && inner !== fn) found = queryOf(inner, facts, depth + 1, visiting);
        }
      }
      return !found;
    });
    return found;
  });
}

const helperWriteFact = factKey<DatabaseWrite | undefined>('helper write');

/** The first write `fn` runs outside a transaction (a helper that opens its own transaction is one step). */
export function helperWriteOf(fn: ts.FunctionLikeDeclaration, facts: Facts): DatabaseWrite | undefined {
  return facts.memo(helperWriteFact, fn, () => {
    let found: DatabaseWrite | undefined;
    if (!fn.body) return undefined;
    const transactions = transactionIndex(facts);
    facts.walk(fn.body, (n) => {
      if (found) return false;
      if (ts.isCallExpression(n)) {
        const w = databaseWriteOf(n, facts);
        if (w && !transactions.inTransaction(n, w.handle)) found = w;
      }
      return !found;
    });
    return found;
  });
}
