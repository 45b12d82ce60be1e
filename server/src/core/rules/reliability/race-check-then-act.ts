import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { Declaration } from '../../facts/scopes';
import { accessMethodNames, DatabaseRead, databaseReadOf, DatabaseWrite, databaseWriteOf, rootIdentifier, transactionIndex } from '../../facts/database-writes';
import { bindingPath } from '../../facts/scopes';
import { lineIndent, memberName, objectProperty, unwrap } from '../../facts/syntax';
import { addPropertyEdit } from '../../fixers/object-property';
import { chainOf, dataOf, isSetupCode, shares } from './transaction-steps';
import { valuesWrittenBy } from '../../facts/written-values';
import { orms, prisma } from '../../catalog';
import { preorder } from '../../traverse';

/** Row state a decision is taken on: the check two concurrent requests can both pass. */
const stateProperty = /^(status|state|balance|stock|quantity|qty|inventory|available\w*|remaining\w*|credits?|seats\w*|used|usedAt|uses|usageCount|redeemed\w*|claimed\w*|is(Used|Redeemed|Claimed|Paid|Processed|Available|Locked)|paid\w*|processed\w*|capacity|funds|points|spots\w*|slots\w*|tickets\w*)$/;
const comparison = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken,
]);
/** Methods whose first argument is the filter the write applies to (Mongoose, TypeORM `update(criteria, …)`). */
const filterFirst = /^(updateOne|updateMany|findOneAndUpdate|findOneAndReplace|replaceOne|findOneAndDelete|deleteOne|deleteMany)$/;

interface Check {
  statement: ts.IfStatement;
  /** `order.status` */
  access: ts.PropertyAccessExpression;
  property: string;
  read: DatabaseRead;
}

/** A write outside any transaction, with what is worked out about it once and asked by every check. */
interface WriteStep {
  write: DatabaseWrite;
  data?: Set<Declaration>;
  /** isConditional's answer per checked property. */
  conditionalOn: Map<string, boolean>;
}

export const raceCheckThenAct: Rule = {
  meta: {
    id: 'race-check-then-act',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Row state checked, then written, with no lock or conditional update',
    description:
      'Two requests can read the same row, both see `pending` (or enough balance), and both act: an order shipped twice, a coupon redeemed twice, a balance below zero. Make the write conditional on the state it checked, or lock the row.',
    fixable: 'suggestion',
    sources: ['CWE-367', 'CWE-362'],
    // A check and the write it races with are in one function. The row read it checks is found from the check, by
    // the name it reads (`readOf`), wherever it is declared; the message names the check's line.
    scope: 'declaration',
    namesLinesElsewhere: true,
    unitInputs: { of: [ts.SyntaxKind.ClassDeclaration], read: (node) => (ts.isClassDeclaration(node) ? migrationHeritage(node) : undefined) },
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (isSetupCode(facts, context.projectPath)) return {};
    const checks: Check[] = [];
    const writes: DatabaseWrite[] = [];
    return {
      CallExpression(call) {
        const callee = unwrap(call.expression);
        if (!ts.isPropertyAccessExpression(callee) || !accessMethodNames.has(callee.name.text)) return;
        const write = databaseWriteOf(call, facts);
        if (write) writes.push(write);
      },
      IfStatement(statement) {
        const check = checkIn(statement, facts);
        if (check) checks.push(check);
      },
      end() {
        if (checks.length === 0 || writes.length === 0) return;
        const transactions = transactionIndex(facts);
        const reported = new Set<ts.Node>();
        // Each write's function, transaction and data once, not once per check: an `else if` chain of thousands
        // of checks and writes would otherwise climb and walk the same nodes millions of times.
        const byFunction = new Map<ts.Node, WriteStep[]>();
        for (const write of writes) {
          const fn = facts.enclosingFunction(write.call);
          if (!fn || transactions.inTransaction(write.call, write.handle)) continue;
          let list = byFunction.get(fn);
          if (!list) byFunction.set(fn, (list = []));
          list.push({ write, conditionalOn: new Map() });
        }
        for (const check of checks) {
          if (context.outOfTime()) return;
          const fn = facts.enclosingFunction(check.statement);
          const steps = fn && byFunction.get(fn);
          if (!fn || !steps || check.read.locked || transactions.inTransaction(check.read.call, check.read.handle)) continue;
          const skip = new Set([rootIdentifier(check.read.handle) ?? '']);
          const readData = dataOf(chainOf(check.read.call), fn, facts, skip);
          const row = rowDeclarations(check.access, facts);
          for (const step of steps) {
            const { write } = step;
            if (reported.has(write.call) || write.call.pos < check.statement.pos) continue;
            let conditional = step.conditionalOn.get(check.property);
            if (conditional === undefined) step.conditionalOn.set(check.property, (conditional = isConditional(write, check.property, sourceFile)));
            if (conditional) continue;
            const writeData = (step.data ??= dataOf(chainOf(write.call), fn, facts, new Set([rootIdentifier(write.handle) ?? ''])));
            if (!shares(writeData, readData) && !row.some((d) => writeData.has(d))) continue;
            if (!sameTable(write, check.read) || setsCheckedValue(check, write, facts)) continue;
            reported.add(write.call);
            const line = facts.lineOf(check.access);
            const fix = conditionalUpdateFix(check, write, facts);
            context.report({
              at: write.call,
              message: `\`${check.access.getText(sourceFile)}\` is checked on line ${line}, then this write acts on it with no lock, condition or transaction: two requests can both pass the check and both write. Make the write conditional on \`${check.property}\` and check the affected row count, or lock the row (\`FOR UPDATE\`) in a transaction.`,
              related: [{ at: check.access, message: 'the check' }],
              fixes: fix ? [fix] : [],
            });
          }
        }
      },
    };
  },
};

/**
 * The read a name's value came from, declared before `statement` (or around it): its own declaration, a destructured
 * part of it, or `const acct = rows[0]`. It is read from the declaration, wherever that is: an analysis that walks
 * only some units still sees a row read at the top of the file.
 */
function readOf(id: ts.Identifier, statement: ts.Node, facts: Facts, depth = 0): DatabaseRead | undefined {
  const decl = facts.resolve(id);
  if (!decl || depth > 2) return undefined;
  const root = ts.isBindingElement(decl) ? bindingPath(decl)?.root : decl;
  if (!root) return undefined;
  const read = root.pos < statement.pos && ts.isVariableDeclaration(root) ? readInitializing(root, facts) : undefined;
  if (read) return read;
  if (ts.isVariableDeclaration(root) && root.initializer) {
    const base = baseIdentifier(root.initializer);
    if (base) return readOf(base, statement, facts, depth + 1);
  }
  return undefined;
}

/**
 * The read whose result `decl` holds: of the calls down its initializer's chain (through `await`, parentheses and
 * `as`), the innermost one that reads and does not write.
 */
function readInitializing(decl: ts.VariableDeclaration, facts: Facts): DatabaseRead | undefined {
  let chain: ts.Node | undefined = decl.initializer;
  while (chain && (ts.isAwaitExpression(chain) || ts.isParenthesizedExpression(chain) || ts.isAsExpression(chain))) chain = chain.expression;
  let found: DatabaseRead | undefined;
  for (let n = chain; n && (ts.isCallExpression(n) || ts.isPropertyAccessExpression(n)); n = n.expression) {
    if (!ts.isCallExpression(n)) continue;
    const callee = unwrap(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || !accessMethodNames.has(callee.name.text) || databaseWriteOf(n, facts)) continue;
    found = databaseReadOf(n, facts) ?? found;
  }
  return found;
}

function baseIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) ? e : undefined;
}

/** A class's heritage when it names TypeORM's `MigrationInterface`, which makes the file setup code (transaction-steps.ts). */
function migrationHeritage(node: ts.ClassDeclaration): string | undefined {
  const text = (node.heritageClauses ?? []).map((h) => h.getText()).join(' ');
  return /\bMigrationInterface\b/.test(text) ? text : undefined;
}

/** `if (order.status !== 'pending')`, `if (account.balance < amount)`, `if (!coupon.redeemed)` on a row read before. */
function checkIn(statement: ts.IfStatement, facts: Facts): Check | undefined {
  let found: Check | undefined;
  preorder(statement.expression, (n) => {
    if (found) return false;
    if (ts.isPropertyAccessExpression(n) && stateProperty.test(n.name.text) && isTested(n)) {
      const base = baseIdentifier(n.expression);
      const read = base && readOf(base, statement, facts);
      if (read) found = { statement, access: n, property: n.name.text, read };
    }
    return !found;
  });
  return found;
}

function isTested(access: ts.Expression): boolean {
  const p = access.parent;
  if (ts.isBinaryExpression(p)) return comparison.has(p.operatorToken.kind);
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken;
  return ts.isIfStatement(p) || (ts.isBinaryExpression(p) && (p as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken);
}

/** The declarations a row expression stands for (`order`, `rows`), for writes that use `order.id`. */
function rowDeclarations(access: ts.PropertyAccessExpression, facts: Facts): Declaration[] {
  const base = baseIdentifier(access.expression);
  const decl = base && facts.resolve(base);
  return decl ? [decl] : [];
}

function singular(name: string | undefined): string | undefined {
  return name?.toLowerCase().replace(/^.*\./, '').replace(/(repository|repo|model)$/, '').replace(/(ies)$/, 'y').replace(/s$/, '');
}

/** Both on one table, when both names are known. */
function sameTable(write: DatabaseWrite, read: DatabaseRead): boolean {
  const a = singular(write.target);
  const b = singular(read.target);
  return !a || !b || a === b;
}

/**
 * The check leaves when the row already has the value the write then sets, and everything the write sets is a
 * constant: `if (poll.status === 'closed') return poll;` then `update({ …, data: { status: 'closed' } })`. Two
 * requests that both pass write the same row, so the race changes nothing.
 */
function setsCheckedValue(check: Check, write: DatabaseWrite, facts: Facts): boolean {
  const exitValue = exitsWhenEqual(check);
  if (exitValue === undefined || !leaves(check.statement.thenStatement)) return false;
  const values = valuesWrittenBy(write.call, facts)?.values ?? [];
  return values.length > 0 && values.every((v) => {
    const obj = unwrap(v);
    if (!ts.isObjectLiteralExpression(obj)) return false;
    const set = objectProperty(obj, check.property);
    return set !== undefined && ts.isPropertyAssignment(set) && unwrap(set.initializer).getText() === exitValue &&
      obj.properties.every((p) => ts.isPropertyAssignment(p) && facts.isConstant(p.initializer));
  });
}

/** The constant the check leaves on: `x.status === 'closed'` gives `'closed'`, `x.redeemed` gives `true`; also as one side of `||`. */
function exitsWhenEqual(check: Check): string | undefined {
  let n: ts.Node = check.access;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  let test: ts.Node = n;
  let value: string | undefined;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || p.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
    const other = unwrap(p.left === n ? p.right : p.left);
    if (!ts.isStringLiteralLike(other) && !ts.isNumericLiteral(other) && other.kind !== ts.SyntaxKind.TrueKeyword && other.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
    value = other.getText();
    test = p;
  } else value = 'true';
  for (let up = test.parent; up !== check.statement; up = up.parent) {
    if (ts.isParenthesizedExpression(up)) continue;
    if (!ts.isBinaryExpression(up) || up.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return undefined;
  }
  return value;
}

/** A `return` or `throw`, alone or ending a block. */
function leaves(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements[statement.statements.length - 1] : statement;
  return last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** Whether the write's own filter already carries the checked state or a version: it then cannot apply twice. */
function isConditional(write: DatabaseWrite, property: string, sourceFile: ts.SourceFile): boolean {
  const word = new RegExp(`\\b(${property}|${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}|version)\\b`, 'i');
  if (write.sqlText !== undefined) {
    const where = /\bWHERE\b([\s\S]*)$/i.exec(write.sqlText);
    return where !== null && word.test(where[1]);
  }
  const method = memberName(unwrap(write.call.expression)) ?? '';
  const filters: ts.Node[] = [];
  if (filterFirst.test(method) && write.call.arguments[0]) filters.push(write.call.arguments[0]);
  if (write.orm !== 'sql' && orms[write.orm].filterFirstWrites?.includes(method) && write.call.arguments[0]) filters.push(write.call.arguments[0]);
  for (const a of write.call.arguments) {
    const o = unwrap(a);
    const where = ts.isObjectLiteralExpression(o) ? objectProperty(o, 'where') : undefined;
    if (where) filters.push(where);
  }
  for (let n: ts.Node = write.call; n !== chainOf(write.call); n = n.parent) {
    if (ts.isCallExpression(n.parent) && /^(where|andWhere|whereIn)/.test(memberName(n) ?? '')) filters.push(...n.parent.arguments);
  }
  // Knex and Drizzle filter earlier in the chain: `knex('o').where({ id, status }).update(…)`.
  let inner: ts.Expression = unwrap(write.call.expression);
  while (ts.isPropertyAccessExpression(inner) || ts.isCallExpression(inner)) {
    if (ts.isCallExpression(inner) && /^(where|andWhere|whereIn)/.test(memberName(unwrap(inner.expression)) ?? '')) filters.push(...inner.arguments);
    inner = unwrap(inner.expression);
  }
  return filters.some((f) => word.test(f.getText(sourceFile)));
}

// ---- the fix: a conditional update that checks the affected row count ----

/** `if (order.status !== 'pending') throw …` followed by the write as a statement of its own. */
function conditionalUpdateFix(check: Check, write: DatabaseWrite, facts: Facts): OffsetFix | undefined {
  const sourceFile = facts.sourceFile;
  const test = unwrap(check.statement.expression);
  if (!ts.isBinaryExpression(test) || unwrap(test.left) !== check.access) return undefined;
  const op = test.operatorToken.kind;
  if ((op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) || !facts.isConstant(test.right) || check.statement.elseStatement) return undefined;
  const exit = exitText(check.statement.thenStatement, sourceFile);
  if (!exit) return undefined;
  const statement = write.call.parent;
  if (!ts.isAwaitExpression(statement) || !ts.isExpressionStatement(statement.parent) || statement.parent.parent !== check.statement.parent) return undefined;
  const expected = test.right.getText(sourceFile);
  const stmt = statement.parent;
  const indent = lineIndent(sourceFile, stmt.getStart(sourceFile));
  const edits = write.orm === prisma.id ? prismaEdits(write, check.property, expected, sourceFile) : write.library === 'pg' ? pgEdits(write, check.property, expected, sourceFile) : undefined;
  if (!edits) return undefined;
  const count = write.orm === prisma.id ? 'count' : 'rowCount';
  if (facts.resolveName(count, stmt)) return undefined;
  const start = stmt.getStart(sourceFile);
  edits.push({ start, end: start, text: `const { ${count} } = ` });
  edits.push({ start: stmt.getEnd(), end: stmt.getEnd(), text: `\n${indent}if (${count} === 0) ${exit}` });
  return { title: 'Make the update conditional', safe: false, edits };
}

/** What the check does when the state is wrong, as one statement: `throw new Error('…')`, `return res.status(409)…`. */
function exitText(then: ts.Statement, sourceFile: ts.SourceFile): string | undefined {
  const single = ts.isBlock(then) && then.statements.length === 1 ? then.statements[0] : then;
  if (!ts.isThrowStatement(single) && !ts.isReturnStatement(single)) return undefined;
  return single.getText(sourceFile);
}

/** `prisma.order.update({ where: { id }, … })` → `updateMany({ where: { id, status: 'pending' }, … })`. */
function prismaEdits(write: DatabaseWrite, property: string, expected: string, sourceFile: ts.SourceFile): OffsetEdit[] | undefined {
  const callee = unwrap(write.call.expression);
  const arg = write.call.arguments[0] && unwrap(write.call.arguments[0]);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'update' || !arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  const where = objectProperty(arg, 'where');
  if (!where || !ts.isPropertyAssignment(where) || !ts.isObjectLiteralExpression(unwrap(where.initializer))) return undefined;
  return [
    { start: callee.name.getStart(sourceFile), end: callee.name.getEnd(), text: 'updateMany' },
    addPropertyEdit(sourceFile, unwrap(where.initializer) as ts.ObjectLiteralExpression, `${property}: ${expected}`),
  ];
}

/** `pool.query('UPDATE … WHERE id = $1', [id])` → `… WHERE id = $1 AND status = $2', [id, 'pending']`. */
function pgEdits(write: DatabaseWrite, property: string, expected: string, sourceFile: ts.SourceFile): OffsetEdit[] | undefined {
  const [sql, values] = write.call.arguments;
  if (!sql || !values || !ts.isStringLiteralLike(sql) || !ts.isArrayLiteralExpression(values) || values.elements.some(ts.isSpreadElement)) return undefined;
  if (!/\bWHERE\b/i.test(sql.text) || /\b(RETURNING|ORDER\s+BY|LIMIT)\b/i.test(sql.text.slice(sql.text.search(/\bWHERE\b/i)))) return undefined;
  const close = sql.getEnd() - 1;
  const last = values.elements[values.elements.length - 1];
  const valueEdit: OffsetEdit = last ? { start: last.getEnd(), end: last.getEnd(), text: `, ${expected}` } : { start: values.getStart(sourceFile) + 1, end: values.getStart(sourceFile) + 1, text: expected };
  return [{ start: close, end: close, text: ` AND ${property} = $${values.elements.length + 1}` }, valueEdit];
}
