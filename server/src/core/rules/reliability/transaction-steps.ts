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
  // The heritage of the file's classes, not a search of its whole text: on every keystroke in a large file, the
  // search cost more than reading the few heritage clauses.
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
  const meet = meeting(a, b);
  if (!meet) return false;
  const { at: n, aSide, bSide } = meet;
  if (isBranching(n)) return aSide !== bSide;
  if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
    const [first, second] = a.pos < b.pos ? [aSide, bSide] : [bSide, aSide];
    const [earlier, later] = a.pos < b.pos ? [a, b] : [b, a];
    return (ts.isIfStatement(first) && exitsAround(first, earlier)) || excludingTests(first, earlier, second, later);
  }
  return false;
}

/**
 * When `a` and `b` sit in different branches of one `if`, `?:`, `switch` or `try`: `b`'s branch, every node of
 * which excludes `a` too. A caller going through statements in source order skips the whole branch at once.
 */
export function branchApart(a: ts.Node, b: ts.Node): ts.Node | undefined {
  const meet = meeting(a, b);
  return meet && isBranching(meet.at) && meet.aSide !== meet.bSide ? meet.bSide : undefined;
}

function isBranching(n: ts.Node): boolean {
  return ts.isIfStatement(n) || ts.isConditionalExpression(n) || ts.isCaseBlock(n) || ts.isTryStatement(n);
}

/**
 * The lowest node holding both `a` and `b`, and its children on each one's side; undefined when one holds the
 * other. Climbs from both at once and tests ranges (siblings never overlap, so a node whose range holds `b` is
 * `b`'s ancestor): the cost is the shorter of the two climbs, not the depth of the tree.
 */
function meeting(a: ts.Node, b: ts.Node): { at: ts.Node; aSide: ts.Node; bSide: ts.Node } | undefined {
  if (within(a, b) || within(b, a)) return undefined;
  let x: ts.Node = a;
  let y: ts.Node = b;
  for (;;) {
    const xp: ts.Node | undefined = x.parent;
    const yp: ts.Node | undefined = y.parent;
    if (!xp && !yp) return undefined;
    if (xp && within(b, xp)) return { at: xp, aSide: x, bSide: childHolding(xp, b) };
    if (yp && within(a, yp)) return { at: yp, aSide: childHolding(yp, a), bSide: y };
    if (xp) x = xp;
    if (yp) y = yp;
  }
}

/** The child of `parent` that holds `node`: by bisection over a list of statements or clauses, else by looking. */
function childHolding(parent: ts.Node, node: ts.Node): ts.Node {
  const list: readonly ts.Node[] | undefined =
    ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)
      ? parent.statements
      : ts.isCaseBlock(parent)
        ? parent.clauses
        : undefined;
  if (list) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].pos <= node.pos) lo = mid;
      else hi = mid - 1;
    }
    if (list[lo] && within(node, list[lo])) return list[lo];
  }
  return ts.forEachChild(parent, (child) => (within(node, child) ? child : undefined)) ?? parent;
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
