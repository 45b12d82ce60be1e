/**
 * "Wrap in transaction": the statements from the first write to the last move into the transaction form of
 * the library the writes already use, their handle renamed to the transaction's; external calls among them
 * (email, queues, HTTP) move out after it. Offered only where that keeps the function's meaning otherwise:
 * no `return`/`break`/`continue` in the moved statements, and at most one name declared there used after it.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import type { DatabaseWrite } from '../facts/database-writes';
import { isFunctionLike, lineIndent, objectProperty, unwrap } from '../facts/syntax';
import { preorder } from '../traverse';
import type { OffsetEdit, OffsetFix } from '../rule';
import { addPropertyEdit, insertArgumentEdit } from './object-property';

/** Calls that leave the database: they must not run for a transaction that may still roll back. */
const externalCall = /^(send\w*|\w*(Email|Mail|Sms|Notification|Webhook)|publish|enqueue|emit|notify\w*|fetch|post|add|dispatch|produce|track)$/;

/** Per write, the argument index of Sequelize's options. */
const sequelizeOptionsIndex: Readonly<Record<string, number>> = { create: 1, bulkCreate: 1, update: 1, upsert: 1, increment: 1, decrement: 1, destroy: 0, save: 0 };

interface Plan {
  opener(body: string, indent: string, returned: string | undefined): string;
  /** The edits inside the moved statements that make one write use the transaction. */
  adapt(write: DatabaseWrite): OffsetEdit[] | undefined;
  /** Whether the form can hand one value back out (`const x = await db.transaction(…)`). */
  canReturn: boolean;
  /** Every query through this plain name among the moved statements goes through the transaction's. */
  renameAll?: { from: string; to: string };
}

export function wrapInTransactionFix(writes: readonly DatabaseWrite[], facts: Facts): OffsetFix | undefined {
  const sourceFile = facts.sourceFile;
  const statements = enclosingStatements(writes.map((w) => w.call));
  if (!statements) return undefined;
  const { block, first, last } = statements;
  const moved = block.statements.slice(first, last + 1);
  if (moved.some(exitsEarly)) return undefined;
  const plan = planFor(writes, facts, block);
  if (!plan) return undefined;

  const start = moved[0].getStart(sourceFile);
  const end = moved[moved.length - 1].getEnd();
  const declared = declaredNames(moved);
  const usedAfter = [...declared].filter((name) => isUsedAfter(name, block, last));
  if (usedAfter.length > (plan.canReturn ? 1 : 0)) return undefined;
  const returned = usedAfter[0];

  const edits: OffsetEdit[] = [];
  for (const w of writes) {
    const e = plan.adapt(w);
    if (!e) return undefined;
    edits.push(...e);
  }
  if (plan.renameAll) edits.push(...otherUses(moved, plan.renameAll, edits, sourceFile));
  const inside: ts.Statement[] = [];
  const after: ts.Statement[] = [];
  for (const s of moved) (isExternal(s) && !writes.some((w) => contains(s, w.call)) ? after : inside).push(s);
  if (returned && after.some((s) => declaresName(s, returned))) return undefined;

  const indent = lineIndent(sourceFile, start);
  const text = sourceFile.text;
  const piece = (s: ts.Statement): string => {
    const from = s.getStart(sourceFile);
    const to = s.getEnd();
    const own = edits.filter((e) => e.start >= from && e.end <= to).sort((a, b) => b.start - a.start);
    let out = text.slice(from, to);
    for (const e of own) out = out.slice(0, e.start - from) + e.text + out.slice(e.end - from);
    return out;
  };
  const body = inside.map((s) => reindent(piece(s), indent, `${indent}  `)).join('\n');
  let replacement = plan.opener(body, indent, returned);
  for (const s of after) replacement += `\n${indent}${piece(s)}`;
  return { title: 'Wrap in transaction', safe: false, edits: [{ start, end, text: replacement }] };
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** The block holding every write, and the range of its statements from the first write's to the last's. */
function enclosingStatements(calls: readonly ts.Node[]): { block: ts.Block; first: number; last: number } | undefined {
  for (let n: ts.Node | undefined = calls[0].parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (isFunctionLike(n) && !ts.isBlock(n)) {
      if (!calls.every((c) => contains(n!, c))) return undefined;
    }
    if (!ts.isBlock(n) || !calls.every((c) => contains(n!, c))) continue;
    const block = n;
    const index = (c: ts.Node): number => block.statements.findIndex((s) => contains(s, c));
    const indices = calls.map(index);
    return { block, first: Math.min(...indices), last: Math.max(...indices) };
  }
  return undefined;
}

function exitsEarly(statement: ts.Statement): boolean {
  let found = false;
  preorder(statement, (n) => {
    if (found || (n !== statement && isFunctionLike(n))) return false;
    if (ts.isReturnStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n) || ts.isYieldExpression(n)) found = true;
    return !found;
  });
  return found;
}

function isExternal(s: ts.Statement): boolean {
  if (!ts.isExpressionStatement(s)) return false;
  const call = unwrap(s.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && externalCall.test(name);
}

function declaredNames(statements: readonly ts.Statement[]): Set<string> {
  const names = new Set<string>();
  const addName = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const e of name.elements) if (!ts.isOmittedExpression(e)) addName(e.name);
  };
  for (const s of statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) addName(d.name);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) names.add(s.name.text);
  }
  return names;
}

function declaresName(s: ts.Statement, name: string): boolean {
  return declaredNames([s]).has(name);
}

/** The other queries through the same handle among the moved statements (a read before the writes): they join the transaction too. */
function otherUses(moved: readonly ts.Statement[], rename: { from: string; to: string }, taken: readonly OffsetEdit[], sourceFile: ts.SourceFile): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const s of moved) {
    preorder(s, (n) => {
      if (!(ts.isPropertyAccessExpression(n) || ts.isCallExpression(n)) || !ts.isCallExpression(n.parent) || n.parent.expression !== n) return;
      const receiver = n.expression;
      if (!ts.isIdentifier(receiver) || receiver.text !== rename.from) return;
      const start = receiver.getStart(sourceFile);
      if (!taken.some((e) => e.start === start)) out.push({ start, end: receiver.getEnd(), text: rename.to });
    });
  }
  return out;
}

function isUsedAfter(name: string, block: ts.Block, last: number): boolean {
  let used = false;
  for (const s of block.statements.slice(last + 1)) {
    preorder(s, (n) => {
      if (used) return false;
      if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) used = true;
      return !used;
    });
  }
  return used;
}

/** Moves every line after the first from `from` indentation to `to`. */
function reindent(text: string, from: string, to: string): string {
  return to + text.split('\n').map((line, i) => (i === 0 ? line : line.startsWith(from) ? to + line.slice(from.length) : line)).join('\n');
}

/** A name for the transaction's handle that nothing at `at` already means. */
function freeName(preferred: readonly string[], at: ts.Node, facts: Facts): string | undefined {
  return preferred.find((n) => facts.resolveName(n, at) === undefined);
}

function sameHandle(writes: readonly DatabaseWrite[], sourceFile: ts.SourceFile): string | undefined {
  const text = writes[0].handle.getText(sourceFile);
  return writes.every((w) => w.handle.getText(sourceFile) === text) ? text : undefined;
}

function renameHandle(write: DatabaseWrite, to: string, sourceFile: ts.SourceFile): OffsetEdit[] {
  return [{ start: write.handle.getStart(sourceFile), end: write.handle.getEnd(), text: to }];
}

function callbackOpener(opener: string, param: string): Plan['opener'] {
  return (body, indent, returned) => {
    const ret = returned ? `\n${indent}  return ${returned};` : '';
    const head = returned ? `const ${returned} = await` : 'await';
    return `${head} ${opener}(async (${param}) => {\n${body}${ret}\n${indent}});`;
  };
}

function planFor(writes: readonly DatabaseWrite[], facts: Facts, block: ts.Block): Plan | undefined {
  const sourceFile = facts.sourceFile;
  const orm = writes[0].orm;
  if (!writes.every((w) => w.orm === orm)) return undefined;
  const at = block.statements[0] ?? block;
  switch (orm) {
    case 'prisma':
    case 'drizzle':
    case 'knex': {
      const handle = sameHandle(writes, sourceFile);
      const tx = freeName(orm === 'knex' ? ['trx', 'tx'] : ['tx', 'trx'], at, facts);
      if (!handle || !tx) return undefined;
      const method = orm === 'prisma' ? '$transaction' : 'transaction';
      return {
        opener: callbackOpener(`${handle}.${method}`, tx),
        adapt: (w) => renameHandle(w, tx, sourceFile),
        canReturn: true,
        renameAll: /^\w+$/.test(handle) ? { from: handle, to: tx } : undefined,
      };
    }
    case 'typeorm': {
      const manager = freeName(['manager', 'em'], at, facts);
      if (!manager) return undefined;
      const isManager = (w: DatabaseWrite): boolean => /manager$/i.test(w.handle.getText(sourceFile));
      const first = writes[0].handle.getText(sourceFile);
      const opener = isManager(writes[0]) ? `${first}.transaction` : `${first}.manager.transaction`;
      return {
        opener: callbackOpener(opener, manager),
        adapt: (w) => renameHandle(w, isManager(w) ? manager : `${manager}.withRepository(${w.handle.getText(sourceFile)})`, sourceFile),
        canReturn: true,
      };
    }
    case 'sequelize': {
      const t = freeName(['t', 'transaction'], at, facts);
      if (!t) return undefined;
      const instance = facts.resolveName('sequelize', at) ? 'sequelize' : `${writes[0].handle.getText(sourceFile)}.sequelize`;
      return { opener: callbackOpener(`${instance}.transaction`, t), adapt: (w) => sequelizeOption(w, t, sourceFile), canReturn: true };
    }
    case 'sql':
      return sqlPlan(writes, facts, at);
    default:
      return undefined;
  }
}

function sequelizeOption(w: DatabaseWrite, t: string, sourceFile: ts.SourceFile): OffsetEdit[] | undefined {
  const method = (unwrap(w.call.expression) as ts.PropertyAccessExpression).name.text;
  const index = w.orm === 'sequelize' && w.sqlText === undefined ? sequelizeOptionsIndex[method] : undefined;
  if (index === undefined) return undefined;
  const arg = w.call.arguments[index];
  if (!arg) return index === w.call.arguments.length ? [insertArgumentEdit(w.call, index, `{ transaction: ${t} }`)] : undefined;
  const obj = unwrap(arg);
  if (!ts.isObjectLiteralExpression(obj) || objectProperty(obj, 'transaction')) return undefined;
  return [addPropertyEdit(sourceFile, obj, `transaction: ${t}`)];
}

/** pg and mysql2: a connection checked out of the pool, BEGIN, COMMIT, ROLLBACK on error, released in `finally`. */
function sqlPlan(writes: readonly DatabaseWrite[], facts: Facts, at: ts.Node): Plan | undefined {
  const sourceFile = facts.sourceFile;
  const handle = sameHandle(writes, sourceFile);
  const library = writes[0].library;
  if (!handle || (library !== 'pg' && library !== 'mysql2') || !writes.every((w) => w.library === library)) return undefined;
  const decl = ts.isIdentifier(writes[0].handle) ? facts.resolve(writes[0].handle) : undefined;
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? decl.initializer.getText(sourceFile) : '';
  const isPool = library === 'pg' ? !/\.connect\s*\(|\bClient\b/.test(init) : /createPool|\bPool\b/.test(init) || /pool/i.test(handle);
  const client = isPool ? freeName(library === 'pg' ? ['client', 'txClient'] : ['conn', 'connection'], at, facts) : handle;
  if (!client) return undefined;
  const begin = library === 'pg' ? `await ${client}.query('BEGIN');` : `await ${client}.beginTransaction();`;
  const commit = library === 'pg' ? `await ${client}.query('COMMIT');` : `await ${client}.commit();`;
  const rollback = library === 'pg' ? `await ${client}.query('ROLLBACK');` : `await ${client}.rollback();`;
  const checkout = library === 'pg' ? `await ${handle}.connect()` : `await ${handle}.getConnection()`;
  return {
    opener: (body, indent) => {
      const i2 = `${indent}  `;
      const head = isPool ? `const ${client} = ${checkout};\n${indent}` : '';
      const release = isPool ? ` finally {\n${i2}${client}.release();\n${indent}}` : '';
      return `${head}try {\n${i2}${begin}\n${body}\n${i2}${commit}\n${indent}} catch (e) {\n${i2}${rollback}\n${i2}throw e;\n${indent}}${release}`;
    },
    adapt: (w) => (isPool ? renameHandle(w, client, sourceFile) : []),
    canReturn: false,
    renameAll: isPool && /^\w+$/.test(handle) ? { from: handle, to: client } : undefined,
  };
}
