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
  facts.walk(expr, (n) => {
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

/**
 * Whether two statements of one function exclude each other: different branches of an `if`, `?:`, `switch`, or
 * `try` and its `catch`; an `if` whose branch ends in `return` or `throw` and what follows it; or two `if`s that
 * compare the same value with different constants (`event.type === 'a'`, then `event.type === 'b'`).
 */
export function exclusive(a: ts.Node, b: ts.Node): boolean {
  const ancestors = new Set<ts.Node>();
  for (let n: ts.Node | undefined = a; n; n = n.parent) ancestors.add(n);
  let child: ts.Node = b;
  for (let n: ts.Node | undefined = b.parent; n; child = n, n = n.parent) {
    if (!ancestors.has(n)) continue;
    const branchOf = (x: ts.Node): ts.Node => {
      let c: ts.Node = x;
      while (c.parent && c.parent !== n) c = c.parent;
      return c;
    };
    if (ts.isIfStatement(n) || ts.isConditionalExpression(n) || ts.isCaseBlock(n) || ts.isTryStatement(n)) return branchOf(a) !== child;
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      const [first, second] = a.pos < b.pos ? [branchOf(a), child] : [child, branchOf(a)];
      const [earlier, later] = a.pos < b.pos ? [a, b] : [b, a];
      return (ts.isIfStatement(first) && exitsAround(first, earlier)) || excludingTests(first, earlier, second, later);
    }
    return false;
  }
  return false;
}

/** The branch of `statement` that holds `node` always ends in `return` or `throw`: nothing after the `if` runs then. */
function exitsAround(statement: ts.IfStatement, node: ts.Node): boolean {
  const inThen = within(node, statement.thenStatement);
  const branch = inThen ? statement.thenStatement : statement.elseStatement;
  return branch !== undefined && alwaysExits(branch);
}

function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.length > 0 && alwaysExits(statement.statements[statement.statements.length - 1]);
  return ts.isIfStatement(statement) && statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
}

/** `if (x === 'a') …` and `if (x === 'b') …`, each node in its `if`'s branch: at most one of the two runs. */
function excludingTests(first: ts.Node, a: ts.Node, second: ts.Node, b: ts.Node): boolean {
  if (!ts.isIfStatement(first) || !ts.isIfStatement(second) || !within(a, first.thenStatement) || !within(b, second.thenStatement)) return false;
  const one = comparedConstant(first.expression);
  const other = comparedConstant(second.expression);
  return one !== undefined && other !== undefined && one.subject === other.subject && one.constant !== other.constant;
}

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}

function comparedConstant(cond: ts.Expression): { subject: string; constant: string } | undefined {
  if (!ts.isBinaryExpression(cond) || (cond.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && cond.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) return undefined;
  const literal = ts.isStringLiteralLike(cond.right) || ts.isNumericLiteral(cond.right) ? cond.right : undefined;
  return literal ? { subject: cond.left.getText(), constant: literal.text } : undefined;
}
