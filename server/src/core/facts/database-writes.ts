/**
 * Which calls write to a database and which read a row, through which handle, and whether a transaction
 * surrounds them: the facts missing-transaction and race-check-then-act ask, and that n-plus-one and
 * idempotency rules want too. SQL drivers are recognised through database-calls.ts and the statement's text;
 * ORMs (Prisma, Sequelize, Knex, TypeORM, Drizzle, Mongoose) by their write methods on a receiver that is
 * known to be theirs or has their unmistakable shape (`x.model.update({ where, data })`, `knex('t').insert`).
 */
import * as ts from 'typescript';
import { Facts, factKey } from './facts';
import {
  DatabaseStyle, LibraryId, OrmId, WriteKind, drizzle, drizzleBuilder, knex, knexBuilder, mongoose, orms, prisma, prismaTags, remoteApiClientNames,
  sequelize, typeorm, writeKindIn,
} from '../catalog';
import { databaseCallOf } from './database-calls';
import { isHole, sqlTextsOf } from './sql-text';
import { calleeName, isFunctionLike, memberName, objectProperty, stringText, unwrap } from './syntax';


export interface DatabaseAccess {
  /** The call that runs it (for a chain, the call naming the operation: `db.update(users)`, `knex('t').insert(…)`). */
  call: ts.CallExpression;
  orm: DatabaseStyle;
  /** The library's id when the receiver is known to be it (pg, prisma…), else undefined. */
  library: LibraryId | undefined;
  /**
   * What the statement runs through, as written: `pool`, `prisma`, `knex` (of `knex('t')`), `this.orders`,
   * `Order` (a model class). Renaming it to a transaction's handle moves the statement into the transaction.
   */
  handle: ts.Expression;
  /** The table or model, when visible: "orders", "order", "Order". */
  target: string | undefined;
  /** The SQL text's literal pieces joined, for SQL statements. */
  sqlText?: string;
}

export interface DatabaseWrite extends DatabaseAccess {
  kind: WriteKind;
}

export interface DatabaseRead extends DatabaseAccess {
  /** Whether the read takes a row lock (`FOR UPDATE`, `lock:` options, `.forUpdate()`, `.setLock()`, `.for('update')`). */
  locked: boolean;
}

const sqlWrite = /^[\s(]*(?:WITH\b[\s\S]*?\)\s*)?(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT)\b/i;
const sqlRead = /^[\s(]*(?:WITH\b[\s\S]*?\)\s*)?SELECT\b/i;
const sqlLock = /\bFOR\s+(UPDATE|NO\s+KEY\s+UPDATE|SHARE)\b|\bLOCK\s+IN\s+SHARE\s+MODE\b/i;
const sqlBegin = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

const writesOf = (id: OrmId): Readonly<Record<string, WriteKind>> => orms[id].writeMethods ?? {};
const rowReadsOf = (id: OrmId): readonly string[] => orms[id].rowReadMethods ?? [];
/** Model statics (Sequelize) and model or collection methods (Mongoose, MongoDB). */
const modelOrms: readonly OrmId[] = [sequelize.id, mongoose.id];
const modelReads = new Set([...modelOrms, typeorm.id].flatMap(rowReadsOf));
/** Model methods that are only ever Mongoose/MongoDB's, so a receiver of unknown origin still counts. */
const mongoOnlyWrites = new Set(mongoose.distinctiveAccessMethods);
const sequelizeOnly = new Set(sequelize.distinctiveAccessMethods);

function has(table: Readonly<Record<string, WriteKind>>, method: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, method);
}

/** Every method name a write or a row read can have: the cheap first filter for callers. */
export const accessMethodNames: ReadonlySet<string> = new Set([
  ...[prisma.id, ...modelOrms, typeorm.id, knex.id].flatMap((id) => [...Object.keys(writesOf(id)), ...rowReadsOf(id)]), 'save', 'first', 'query', 'execute', 'run', 'all', 'get', 'one', 'none', 'oneOrNone', 'any', 'many', 'manyOrNone', 'result',
  '$executeRawUnsafe', '$queryRawUnsafe', 'select',
]);

const ormLibraries = new Set<LibraryId | undefined>([...(Object.keys(orms) as OrmId[]), 'mongodb']);
const jsGlobals = /^(Object|Array|Promise|Map|Set|WeakMap|Date|JSON|Math|Reflect|Buffer|Symbol|String|Number|Intl|Proxy|Error|URL|Atomics)$/;
const pascal = /^[A-Z][A-Za-z0-9]*$/;
const repositoryName = /(repo|repository|Repo|Repository|manager|Manager)$/;

/** The write `call` is, if it is one. */
export function databaseWriteOf(call: ts.CallExpression, facts: Facts): DatabaseWrite | undefined {
  const access = classify(call, facts);
  return access && 'kind' in access ? access : undefined;
}

/** The single-row read `call` is (`findUnique`, `findOne`, `SELECT …`, knex `.first()`), if it is one. */
export function databaseReadOf(call: ts.CallExpression, facts: Facts): DatabaseRead | undefined {
  const access = classify(call, facts);
  return access && 'locked' in access ? access : undefined;
}

/** `prisma.$executeRaw\`UPDATE …\`` (the tagged form is parameterised, and a write like any other). */
export function taggedWriteOf(node: ts.TaggedTemplateExpression, facts: Facts): DatabaseWrite | undefined {
  const tag = unwrap(node.tag);
  if (!ts.isPropertyAccessExpression(tag) || tag.name.text !== prismaTags.write) return undefined;
  const text = ts.isNoSubstitutionTemplateLiteral(node.template) ? node.template.text : node.template.head.text;
  const m = sqlWrite.exec(text);
  if (!m) return undefined;
  const ref = facts.libraryOf(tag.expression);
  return {
    call: node as unknown as ts.CallExpression,
    orm: prisma.id,
    library: ref?.library === prisma.id ? prisma.id : undefined,
    handle: tag.expression,
    target: sqlTarget(text),
    sqlText: text,
    kind: sqlKind(m[1]),
  };
}

const accessFact = factKey<DatabaseWrite | DatabaseRead | undefined>('database access');

/** Memoised per call in the file's facts: several rules ask about the same calls. */
function classify(call: ts.CallExpression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  return facts.memo(accessFact, call, () => compute(call, facts));
}

function compute(call: ts.CallExpression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const method = memberName(callee);
  if (method === undefined || !accessMethodNames.has(method)) return undefined;
  const receiver = unwrap(callee.expression);
  return sqlAccess(call, facts) ?? prismaAccess(call, method, receiver, facts) ?? knexAccess(call, method, receiver, facts) ?? drizzleAccess(call, method, receiver, facts) ?? modelAccess(call, method, receiver, facts);
}

function sqlKind(word: string): DatabaseWrite['kind'] {
  const w = word.toUpperCase();
  return w === 'INSERT' ? 'insert' : w === 'DELETE' ? 'delete' : w === 'UPDATE' ? 'update' : 'upsert';
}

function sqlTarget(text: string): string | undefined {
  return /\b(?:INTO|UPDATE|FROM)\s+["`]?([\w.]+)/i.exec(text)?.[1];
}

/** Methods that take SQL built on an earlier line; others (`get`, `all`…) are believed only with the SQL written in the call. */
const sqlByName = new Set(['query', 'execute', 'run', 'none', 'result', 'exec', '$executeRawUnsafe', '$queryRawUnsafe']);
const sqlStart = /^[\s(]*(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT|SELECT|WITH)\b/i;

/** The cheap syntactic filter before any name resolution: SQL written in the call, or a name for it on a SQL method. */
function mayBeSql(call: ts.CallExpression, method: string): boolean {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!arg) return false;
  if (ts.isStringLiteralLike(arg)) return sqlStart.test(arg.text);
  if (ts.isTemplateExpression(arg)) return sqlStart.test(arg.head.text);
  if (ts.isBinaryExpression(arg)) return true;
  return ts.isIdentifier(arg) && sqlByName.has(method);
}

function sqlAccess(call: ts.CallExpression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  const method = memberName(unwrap(call.expression));
  if (method === undefined || !mayBeSql(call, method)) return undefined;
  const db = databaseCallOf(call, facts);
  if (!db || db.fragment) return undefined;
  const texts = sqlTextsOf(db.sql, facts);
  if (texts.length === 0) return undefined;
  const text = texts[0].pieces.map((p) => (isHole(p) ? '?' : p.text)).join('');
  const handle = unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression);
  const base = { call, orm: 'sql' as const, library: db.library, handle, target: sqlTarget(text), sqlText: text };
  const write = sqlWrite.exec(text);
  if (write && /\b(INTO|SET|FROM|USING)\b/i.test(text)) return { ...base, kind: sqlKind(write[1]) };
  if (sqlRead.test(text) && /\bFROM\b/i.test(text)) return { ...base, locked: sqlLock.test(text) };
  return undefined;
}

/** `prisma.order.update({ where, data })`: the model's receiver known to be Prisma, or the unmistakable argument shape. */
function prismaAccess(call: ts.CallExpression, method: string, receiver: ts.Expression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  const writes = writesOf(prisma.id);
  if (!has(writes, method) && !rowReadsOf(prisma.id).includes(method)) return undefined;
  if (!ts.isPropertyAccessExpression(receiver)) return undefined;
  const client = unwrap(receiver.expression);
  const ref = facts.libraryOf(client);
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  const shaped = arg !== undefined && ts.isObjectLiteralExpression(arg) && (objectProperty(arg, 'data') !== undefined || objectProperty(arg, 'where') !== undefined);
  const known = ref?.library === prisma.id;
  if (!known && !(shaped && (ref === undefined || /^[.@~#]/.test(ref.module)))) return undefined;
  const base = { call, orm: prisma.id, library: known ? prisma.id : undefined, handle: client, target: receiver.name.text };
  if (has(writes, method)) return { ...base, kind: writes[method] };
  return { ...base, locked: false };
}

/** The root call of a Knex chain, `knex('orders')` in `knex('orders').where(…).update(…)`. */
function knexRoot(expr: ts.Expression): ts.CallExpression | undefined {
  let e = unwrap(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isCallExpression(e)) {
      const c = unwrap(e.expression);
      if (ts.isIdentifier(c) || (ts.isPropertyAccessExpression(c) && c.expression.kind === ts.SyntaxKind.ThisKeyword)) return e;
      e = c;
    } else if (ts.isPropertyAccessExpression(e)) {
      e = unwrap(e.expression);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function knexAccess(call: ts.CallExpression, method: string, receiver: ts.Expression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  const writes = writesOf(knex.id);
  const rowRead = rowReadsOf(knex.id).includes(method);
  if (!has(writes, method) && !rowRead) return undefined;
  const root = knexRoot(receiver);
  const table = root && stringText(root.arguments[0]);
  if (!root || table === undefined) return undefined;
  const ref = facts.libraryOf(root.expression);
  if (ref ? ref.library !== knex.id && !/^[.@~#]/.test(ref.module) : !knexBuilder.writeHandleNames.test(root.expression.getText())) return undefined;
  const base = { call, orm: knex.id, library: ref?.library === knex.id ? knex.id : undefined, handle: unwrap(root.expression), target: table };
  if (rowRead) return { ...base, locked: knexBuilder.locks.test(receiver.getText()) };
  return { ...base, kind: writes[method] };
}

function drizzleAccess(call: ts.CallExpression, method: string, receiver: ts.Expression, facts: Facts): DatabaseWrite | undefined {
  const writes = writesOf(drizzle.id);
  if (!has(writes, method) || call.arguments.length !== 1) return undefined;
  const next = call.parent;
  if (!ts.isPropertyAccessExpression(next) || next.expression !== call || !drizzleBuilder.writeNext[method].test(next.name.text)) return undefined;
  // A client by name (`db`, `tx`, `this.db`), not a query builder made by a call (TypeORM's `createQueryBuilder().update(t).set(…)`).
  if (!ts.isIdentifier(receiver) && !(ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword)) return undefined;
  const ref = facts.libraryOf(receiver);
  if (ref && ref.library !== drizzle.id && !/^[.@~#]/.test(ref.module)) return undefined;
  const table = unwrap(call.arguments[0]);
  return { call, orm: drizzle.id, library: ref?.library === drizzle.id ? drizzle.id : undefined, handle: receiver, target: ts.isIdentifier(table) ? table.text : undefined, kind: writes[method] };
}

/** Sequelize and Mongoose models (`Order.update`, `order.save()`), TypeORM repositories and entity managers. */
function modelAccess(call: ts.CallExpression, method: string, receiver: ts.Expression, facts: Facts): DatabaseWrite | DatabaseRead | undefined {
  const ref = facts.libraryOf(receiver);
  if (ref && !ormLibraries.has(ref.library) && !/^[.@~#]/.test(ref.module)) return undefined;
  const name = receiverName(receiver);
  if (name === undefined || isApiClient(receiver) || (method === 'create' && isDomainFactory(receiver, ref?.module, facts))) return undefined;
  const repository = ref?.library === typeorm.id || (repositoryName.test(name) && ref === undefined) || (ref !== undefined && repositoryName.test(name));
  if (repository) {
    const writes = writesOf(typeorm.id);
    if (has(writes, method)) return { call, orm: typeorm.id, library: ref?.library === typeorm.id ? typeorm.id : undefined, handle: receiver, target: name, kind: writes[method] };
    if (modelReads.has(method)) return { call, orm: typeorm.id, library: typeorm.id, handle: receiver, target: name, locked: hasLockOption(call) };
    return undefined;
  }
  const isModel = pascal.test(name) && !jsGlobals.test(name) && (!ts.isIdentifier(receiver) || facts.resolve(receiver) !== undefined);
  const orm: OrmId = ref?.library === sequelize.id || sequelizeOnly.has(method) || isSequelizeUpdate(call, method) || (!mongoOnlyWrites.has(method) && !facts.importsLibrary(mongoose.id)) ? sequelize.id : mongoose.id;
  const library = ref && ormLibraries.has(ref.library) ? ref.library : undefined;
  if (method === 'save' && call.arguments.length <= 1 && !isModel && ts.isIdentifier(receiver) && modelOrms.some((id) => facts.importsLibrary(id))) {
    return { call, orm, library, handle: receiver, target: name, kind: 'upsert' };
  }
  const kind = writeKindIn(modelOrms, method);
  if (kind !== undefined && (isModel || ref !== undefined || mongoOnlyWrites.has(method) || /collection$/i.test(name))) {
    // TypeORM's active-record `Entity.create()` only builds an object; `save()` writes it.
    if (method === 'create' && facts.importsLibrary(typeorm.id)) return undefined;
    if ((method === 'update' || method === 'destroy') && !isModel) return undefined;
    return { call, orm, library, handle: receiver, target: name, kind };
  }
  if (modelReads.has(method) && (isModel || ref !== undefined)) return { call, orm, library, handle: receiver, target: name, locked: hasLockOption(call) };
  return undefined;
}

/** `stripe.customers.create()` through a project's own client of a remote API: no database, and no transaction can hold it. */
function isApiClient(receiver: ts.Expression): boolean {
  let root = receiver;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = unwrap(root.expression);
  return ts.isIdentifier(root) && remoteApiClientNames.test(root.text);
}

/** Domain code: value objects and entities that build themselves with a static `create` and never touch a table. */
const domainModule = /(^|\/)(domain|value-?objects?)(\/|$)|\.(entity|vo|value-object|aggregate)$/;

/** `UserEmail.create(raw)`: a class from the domain layer, or one this file declares with its own static `create`. */
function isDomainFactory(receiver: ts.Expression, module: string | undefined, facts: Facts): boolean {
  if (module !== undefined && domainModule.test(module)) return true;
  const decl = ts.isIdentifier(receiver) ? facts.resolve(receiver) : undefined;
  return decl !== undefined && ts.isClassDeclaration(decl) && decl.members.some((m) => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === 'create' && (ts.getModifiers(m)?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword) ?? false));
}

/** Sequelize's `Model.update(values, { where })`. */
function isSequelizeUpdate(call: ts.CallExpression, method: string): boolean {
  const options = call.arguments[1] && unwrap(call.arguments[1]);
  return method === 'update' && options !== undefined && ts.isObjectLiteralExpression(options) && objectProperty(options, 'where') !== undefined;
}

function receiverName(receiver: ts.Expression): string | undefined {
  if (ts.isIdentifier(receiver)) return receiver.text;
  if (ts.isPropertyAccessExpression(receiver)) return receiver.name.text;
  if (ts.isCallExpression(receiver) && calleeName(receiver) === 'collection') return 'collection';
  if (ts.isCallExpression(receiver) && calleeName(receiver) === 'getRepository') return 'repository';
  return undefined;
}

/** `{ lock: … }` in any object argument (Sequelize `lock: true`, TypeORM `lock: { mode }`), or a chained `.setLock(`. */
function hasLockOption(call: ts.CallExpression): boolean {
  return call.arguments.some((a) => {
    const o = unwrap(a);
    return ts.isObjectLiteralExpression(o) && objectProperty(o, 'lock') !== undefined;
  });
}

// ---- transaction scope ----

const transactionCallee = /^(\$?transaction|withTransaction|runInTransaction|inTransaction|transactional|withTx|runInTx|atomic)$/i;
const transactionDecorator = /^(Transactional|Transaction|UseTransaction)$/;
const beginCall = /^(beginTransaction|startTransaction|begin)$/;

export interface TransactionIndex {
  /** Whether `node` runs inside a transaction: a transaction callback, after a BEGIN in its function, under a decorator, or through a handle it was given. */
  inTransaction(node: ts.Node, handle?: ts.Expression): boolean;
}

const transactionsFact = factKey<TransactionIndex>('transactions');

/** Per file, built once whichever rules ask: the statements that open a transaction are found in one walk, the first time anything is asked. */
export function transactionIndex(facts: Facts): TransactionIndex {
  return facts.memo(transactionsFact, facts.sourceFile, () => buildTransactionIndex(facts));
}

function buildTransactionIndex(facts: Facts): TransactionIndex {
  let starts: ts.CallExpression[] | undefined;
  const startsInFile = (): ts.CallExpression[] => {
    if (starts) return starts;
    const found: ts.CallExpression[] = [];
    facts.walk(facts.sourceFile, (n) => {
      if (ts.isCallExpression(n) && isTransactionStart(n, facts)) found.push(n);
    });
    return (starts = found);
  };
  return {
    inTransaction(node, handle) {
      if (handle && passesTransaction(node, facts.sourceFile)) return true;
      if (inTransactionArray(node)) return true;
      const root = handle && rootIdentifier(handle);
      const at = node.getStart(facts.sourceFile);
      for (let n = facts.enclosingFunction(node); n; n = facts.enclosingFunction(n)) {
        if (isTransactionCallback(n)) return true;
        if (hasTransactionDecorator(n)) return true;
        if (root && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === root)) return true;
        const fn = n;
        if (startsInFile().some((s) => s.pos >= fn.pos && s.end <= at)) return true;
      }
      return false;
    },
  };
}

/** `{ transaction: t }` / `{ session }` / `transacting(trx)` on the write itself. */
function passesTransaction(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (!ts.isCallExpression(node)) return false;
  for (const a of node.arguments) {
    const o = unwrap(a);
    if (ts.isObjectLiteralExpression(o) && (objectProperty(o, 'transaction') || objectProperty(o, 'session'))) return true;
  }
  return /\.transacting\s*\(|\.session\s*\(/.test(node.expression.getText(sourceFile));
}

/** Prisma's batch form: `prisma.$transaction([prisma.a.update(…), prisma.b.create(…)])`. */
function inTransactionArray(node: ts.Node): boolean {
  const array = node.parent;
  if (!ts.isArrayLiteralExpression(array) || !ts.isCallExpression(array.parent)) return false;
  const name = calleeName(array.parent);
  return name !== undefined && transactionCallee.test(name);
}

function isTransactionCallback(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const name = calleeName(call);
  return name !== undefined && transactionCallee.test(name);
}

function hasTransactionDecorator(fn: ts.FunctionLikeDeclaration): boolean {
  const decorators = ts.canHaveDecorators(fn) ? ts.getDecorators(fn) : undefined;
  return (decorators ?? []).some((d) => {
    const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    return ts.isIdentifier(e) && transactionDecorator.test(e.text);
  });
}

/** A statement that opens a transaction: `BEGIN`, `beginTransaction()`, an unmanaged `sequelize.transaction()` / `knex.transaction()`, `startSession` + `startTransaction`. */
function isTransactionStart(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  if (beginCall.test(name)) return true;
  if ((name === 'transaction' || name === '$transaction') && !call.arguments.some((a) => isFunctionLike(unwrap(a)))) return true;
  if (name === 'query' || name === 'execute' || name === 'raw' || name === 'exec') {
    const text = stringText(call.arguments[0] && unwrap(call.arguments[0]));
    return text !== undefined && sqlBegin.test(text) && databaseCallOf(call, facts) !== undefined;
  }
  return false;
}

/** `pool` of `pool`, `this` of `this.orders`, `prisma` of `prisma.order`. */
export function rootIdentifier(expr: ts.Expression): string | undefined {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e)) e = unwrap(e.expression);
  if (ts.isIdentifier(e)) return e.text;
  return e.kind === ts.SyntaxKind.ThisKeyword ? 'this' : undefined;
}
