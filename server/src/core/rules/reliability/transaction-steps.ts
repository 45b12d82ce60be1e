/**
 * What missing-transaction and race-check-then-act both need to know about a function's steps: which values a
 * statement works on (so two writes are "related"), whether two statements can both run, and the files where
 * neither rule speaks (tests, seeds, migrations).
 */
import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import type { Declaration } from '../../facts/scopes';
import { bindingPath } from '../../facts/scopes';
import { isFunctionLike } from '../../facts/syntax';
import { preorder } from '../../traverse';

const setupPath = /(^|[\\/])(migrations?|seeds?|seeders|fixtures)[\\/]|(^|[\\/])(seed|seeds|migrate|\d{8,}[\w-]*)\.[cm]?[jt]sx?$/i;

/** Test code, seed data and migrations (which knex, Sequelize and TypeORM already run in a transaction). */
export function isSetupCode(facts: Facts, projectPath: string): boolean {
  if (facts.isTestFile || setupPath.test(projectPath)) return true;
  return facts.sourceFile.statements.some((s) => ts.isClassDeclaration(s) && (s.heritageClauses ?? []).some((h) => /\bMigrationInterface\b/.test(h.getText())));
}

/** The whole chain a call is part of: `db.update(t).set(x).where(y)` for `db.update(t)`. */
export function chainOf(call: ts.Node): ts.Node {
  let n: ts.Node = call;
  while ((ts.isPropertyAccessExpression(n.parent) || ts.isCallExpression(n.parent)) && n.parent.expression === n) n = n.parent;
  return n;
}

/**
 * The local values an expression works on, in `fn`: parameters and variables it names, and those their
 * initializers were computed from (`order` of `const order = await getOrder(orderId)` brings `orderId`).
 * Module-level names (models, tables, clients) and `skip`ped handles are not data.
 */
export function dataOf(expr: ts.Node, fn: ts.Node, facts: Facts, skip: ReadonlySet<string>, out = new Set<Declaration>(), depth = 0): Set<Declaration> {
  preorder(expr, (n) => {
    if (!ts.isIdentifier(n) || skip.has(n.text)) return;
    const p = n.parent;
    if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)) return;
    if (ts.isCallExpression(p) && p.expression === n) return;
    const decl = facts.resolve(n);
    if (!decl || out.has(decl) || decl.pos < fn.pos || decl.end > fn.end || isFunctionLike(decl)) return;
    out.add(decl);
    // The function's inputs are one operation's: writes that use any of them belong together.
    if (ts.isParameter(decl) && decl.parent === fn) out.add(fn as Declaration);
    if (depth >= 3) return;
    if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && ts.isForOfStatement(decl.parent.parent)) {
      dataOf(decl.parent.parent.expression, fn, facts, skip, out, depth + 1);
    }
    const root = ts.isBindingElement(decl) ? bindingPath(decl)?.root : decl;
    if (root && ts.isVariableDeclaration(root) && root.initializer) dataOf(root.initializer, fn, facts, skip, out, depth + 1);
  });
  return out;
}

export function shares(a: ReadonlySet<Declaration>, b: ReadonlySet<Declaration>): boolean {
  for (const d of a) if (b.has(d)) return true;
  return false;
}

/** Whether two statements of one function exclude each other: different branches of an `if`, `?:`, `switch`, or `try` and its `catch`. */
export function exclusive(a: ts.Node, b: ts.Node): boolean {
  const ancestors = new Set<ts.Node>();
  for (let n: ts.Node | undefined = a; n; n = n.parent) ancestors.add(n);
  let child: ts.Node = b;
  for (let n: ts.Node | undefined = b.parent; n; child = n, n = n.parent) {
    if (!ancestors.has(n)) continue;
    if (ts.isIfStatement(n) || ts.isConditionalExpression(n) || ts.isCaseBlock(n) || ts.isTryStatement(n)) {
      const branchOf = (x: ts.Node): ts.Node | undefined => {
        let c: ts.Node = x;
        while (c.parent && c.parent !== n) c = c.parent;
        return c;
      };
      return branchOf(a) !== child;
    }
    return false;
  }
  return false;
}
