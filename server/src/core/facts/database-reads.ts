/**
 * Which calls read rows from a database (or insert them), with which library, and what shape the query has:
 * how many rows it returns, whether it filters, limits, pages, or already asks for a set of keys at once. The
 * question n-plus-one-query and unbounded-query ask, across SQL drivers (through `database-calls` and
 * `sql-text`), Prisma, Sequelize, TypeORM, Mongoose, Knex and Drizzle.
 *
 * A query is answered at its outermost call: `knex('users').where(…).first()` and `User.find().limit(10)` are
 * one query each, answered at the last builder call, never at the inner ones.
 */
import * as ts from 'typescript';
import { isProjectModule } from './libraries';
import { DatabaseStyle, LibraryId, ModelQueryMethod, OrmId, RowCount, drizzle, drizzleBuilder, knex, knexBuilder, mongoose, orms, prisma, sequelize, typeorm } from '../catalog';
import { Facts, factKey } from './facts';
import { databaseCallOf } from './database-calls';
import { SqlText, looksLikeSqlStatement, skeleton, sqlTextsOf } from './sql-text';
import { memberName, objectProperty, unwrap } from './syntax';
import type { Walk } from '../traverse';

/** How the query is written: SQL text, or one ORM's API. */
export type QueryStyle = DatabaseStyle;

export interface DatabaseQuery {
  /** The outermost call of the query: the one awaited. */
  call: ts.CallExpression;
  style: QueryStyle;
  /** The library when the receiver is known (pg, prisma…); undefined when recognised by shape alone. */
  library: LibraryId | undefined;
  operation: 'read' | 'insert';
  /** "one": a single row by construction (`findUnique`, `.first()`, `LIMIT 1`); "aggregate": counts and sums. */
  rows: RowCount;
  /** A `WHERE`, `where`, or a non-empty filter. */
  filtered: boolean;
  /** A `LIMIT`/`TOP`/`FETCH`, `take` or `limit`. */
  limited: boolean;
  /** An offset, a skip, a cursor, or a page size other than one: one page of many. */
  paged: boolean;
  /** Already a set-based query: `IN`/`ANY`, `whereIn`, `{ in }`, `[Op.in]`, `In()`, `inArray`, `$in`, a multi-row insert. */
  batched: boolean;
  /** The table, model or repository as written ("customers", "prisma.customer"), when visible. */
  target?: string;
  /** Reads the database's own catalog (`information_schema`, `pg_*`, `sys.*`, `USER_TABLES`, `dual`): schema tooling, not data. */
  catalog: boolean;
  /** The SQL text, for SQL-style queries. */
  sql?: SqlText;
  /** The calls of the chain, innermost first, ending with `call`. */
  chain: ts.CallExpression[];
  /** The method that names the operation: `query`, `findMany`, `findByPk`, `first`… */
  method: string;
}

/** Chained calls that end a query and start using its result. */
const continuations = new Set(['then', 'catch', 'finally']);

/** Whether `call` is the last call of its builder chain (what is run), not an inner link. */
export function isOutermostCall(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== call) return true;
  const grand = parent.parent;
  if (!ts.isCallExpression(grand) || grand.expression !== parent) return true;
  return continuations.has(parent.name.text);
}

interface Link {
  name: string;
  call: ts.CallExpression;
}

/** `a.b(x).c(y).d()` → root `a`, links b, c, d; `knex('t').where()` → root call `knex('t')`, link where. */
function chainOf(call: ts.CallExpression): { root: ts.Expression; links: Link[] } | undefined {
  const links: Link[] = [];
  let e: ts.Expression = call;
  for (let i = 0; i < 40; i++) {
    if (!ts.isCallExpression(e)) break;
    const callee = e.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    links.unshift({ name: callee.name.text, call: e });
    e = callee.expression;
  }
  return links.length > 0 ? { root: e, links } : undefined;
}

/** The database query `call` is, when it is the outermost call of one. */
export function databaseQueryOf(call: ts.CallExpression, facts: Facts): DatabaseQuery | undefined {
  if (!isOutermostCall(call)) return undefined;
  return facts.memo(databaseQueryFact, call, () => computeDatabaseQuery(call, facts));
}

const databaseQueryFact = factKey<DatabaseQuery | undefined>('database query');

function computeDatabaseQuery(call: ts.CallExpression, facts: Facts): DatabaseQuery | undefined {
  const chain = chainOf(call);
  if (!chain) return undefined;
  return (
    sqlQuery(call, chain.links, facts) ??
    builderQuery(call, chain.root, chain.links, facts) ??
    modelQuery(call, chain.links, facts)
  );
}

// ---- SQL text ------------------------------------------------------------------------------------------------

const aggregateSql = /\b(COUNT|SUM|AVG|MIN|MAX|ARRAY_AGG|JSON_AGG|JSONB_AGG|STRING_AGG|GROUP_CONCAT|BOOL_AND|BOOL_OR|EXISTS)\s*\(|\bGROUP\s+BY\b/i;
const singleRowMethods = new Set(['one', 'oneOrNone', 'get']);
const catalogSql = /\b(FROM|JOIN)\s+(\w+\s*\(|["`]?(information_schema|pg_catalog|pg_\w+|sqlite_(master|schema)|sys|mysql|performance_schema|dual|dummy|global_name|USER_\w+|ALL_\w+|DBA_\w+|V\$\w+|M_\w+)\b)/i;

function sqlQuery(call: ts.CallExpression, links: Link[], facts: Facts): DatabaseQuery | undefined {
  const last = links[links.length - 1];
  // `db.prepare(sql).all(x)`: the statement is the inner call; its runner is chained after.
  const runner = links.length >= 2 && links[links.length - 2].name === 'prepare' ? links[links.length - 2].call : last.call;
  if (runner === last.call && !queryMethodNames.has(last.name)) return undefined;
  const db = databaseCallOf(runner, facts);
  if (!db || db.fragment) return undefined;
  const texts = sqlTextsOf(db.sql, facts);
  if (texts.length === 0) return undefined;
  const text = texts.map((t) => skeleton(t.pieces)).join(' ');
  if (db.library === undefined && !looksLikeSqlStatement(skeleton(texts[0].pieces))) return undefined;
  const head = /^[\s(]*(SELECT|WITH|INSERT)\b/i.exec(text)?.[1]?.toUpperCase();
  if (!head) return undefined;
  const base = { call, style: 'sql' as const, library: db.library, sql: texts[0], chain: links.map((l) => l.call), method: db.method, catalog: catalogSql.test(text) };
  if (head === 'INSERT') {
    const tuples = text.match(/\)\s*,\s*\(/g);
    return {
      ...base,
      operation: 'insert',
      rows: 'one',
      filtered: false,
      limited: false,
      paged: false,
      batched: tuples !== null || /\bVALUES\s*\?|\bUNNEST\s*\(|\bSELECT\b/i.test(text),
      target: /\bINTO\s+([\w."`]+)/i.exec(text)?.[1],
    };
  }
  const from = /\bFROM\s+([\w."`[\]]+)/i.exec(text);
  const selectList = from ? text.slice(0, from.index) : text;
  const limit = /\b(?:LIMIT\s+(\S+)|TOP\s*\(?\s*(\S+?)\)?\s|FETCH\s+(?:FIRST|NEXT)\s+(\S+))/i.exec(text);
  const limitValue = limit ? (limit[1] ?? limit[2] ?? limit[3]) : undefined;
  const one = limitValue === '1' || singleRowMethods.has(last.name) || !from;
  return {
    ...base,
    operation: 'read',
    rows: aggregateSql.test(selectList) || /\bGROUP\s+BY\b/i.test(text) ? 'aggregate' : one ? 'one' : 'many',
    filtered: /\b(WHERE|HAVING)\b/i.test(text),
    limited: limit !== null,
    paged: /\bOFFSET\b/i.test(text) || (limitValue !== undefined && limitValue !== '1'),
    batched: /(=|<>)\s*ANY\s*\(|\bIN\s*\(|\bUNNEST\s*\(/i.test(text),
    target: from?.[1],
  };
}

const queryMethodNames = new Set(['query', 'execute', 'run', 'all', 'get', 'each', 'unsafe', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result']);

// ---- Query builders: Knex and Drizzle --------------------------------------------------------------------------

function builderQuery(call: ts.CallExpression, root: ts.Expression, links: Link[], facts: Facts): DatabaseQuery | undefined {
  const r = unwrap(root);
  // Knex: `knex('users')…` or `knex.select(…).from('users')…` on a Knex instance.
  if (ts.isCallExpression(r) && ts.isIdentifier(r.expression) && r.arguments.length === 1 && isKnex(r.expression, facts)) {
    return knexQuery(call, links, facts, stringOf(r.arguments[0]));
  }
  if (ts.isIdentifier(r) || (ts.isPropertyAccessExpression(r) && r.expression.kind === ts.SyntaxKind.ThisKeyword)) {
    const first = links[0].name;
    if ((first === 'select' || first === 'from') && ts.isIdentifier(r) && isKnex(r, facts) && !facts.importsLibrary(drizzle.id)) {
      const from = links.find((l) => l.name === 'from');
      return knexQuery(call, links, facts, from ? stringOf(from.call.arguments[0]) : undefined);
    }
    if (drizzleBuilder.starts.has(first) && isDrizzle(r, facts)) return drizzleQuery(call, links, facts);
  }
  return undefined;
}

function stringOf(e: ts.Expression | undefined): string | undefined {
  return e !== undefined && ts.isStringLiteralLike(e) ? e.text : undefined;
}

function isKnex(id: ts.Identifier, facts: Facts): boolean {
  const ref = facts.libraryOf(id);
  if (ref && ref.library === knex.id && !ref.isModule) return true;
  if (ref && ref.library !== knex.id && !isProjectModule(ref.module)) return false;
  return knexBuilder.rootNames.test(id.text) && facts.importsLibrary(knex.id);
}

function isDrizzle(root: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(root);
  if (ref) return ref.library === drizzle.id && !ref.isModule;
  return facts.importsLibrary(drizzle.id);
}

function knexQuery(call: ts.CallExpression, links: Link[], facts: Facts, target: string | undefined): DatabaseQuery | undefined {
  const names = links.map((l) => l.name);
  if (names.some((n) => knexBuilder.writes.has(n))) return undefined;
  const insert = links.find((l) => l.name === 'insert');
  const base = { call, style: knex.id, catalog: false, library: knex.id, target, chain: links.map((l) => l.call), method: names[names.length - 1] };
  if (insert) {
    return { ...base, operation: 'insert', rows: 'one', filtered: false, limited: false, paged: false, batched: isListValue(insert.call.arguments[0], facts) };
  }
  const limit = links.find((l) => l.name === 'limit');
  const limitValue = limit?.call.arguments[0];
  return {
    ...base,
    operation: 'read',
    rows: names.some((n) => knexBuilder.aggregates.has(n) || n === 'groupBy') ? 'aggregate' : names.includes('first') || isOne(limitValue) ? 'one' : 'many',
    filtered: names.some((n) => knexBuilder.filters.test(n)),
    limited: limit !== undefined || names.includes('first'),
    paged: names.includes('offset') || (limitValue !== undefined && !isOne(limitValue)),
    batched: names.some((n) => knexBuilder.batched.has(n)),
  };
}

function drizzleQuery(call: ts.CallExpression, links: Link[], facts: Facts): DatabaseQuery | undefined {
  const names = links.map((l) => l.name);
  if (names.some((n) => n === 'update' || n === 'delete' || n === 'set')) return undefined;
  const from = links.find((l) => l.name === 'from' || l.name === 'insert');
  const target = from?.call.arguments[0]?.getText(facts.sourceFile);
  const base = { call, style: drizzle.id, catalog: false, library: drizzle.id, target, chain: links.map((l) => l.call), method: names[names.length - 1] };
  if (names[0] === 'insert') {
    const values = links.find((l) => l.name === 'values');
    return { ...base, operation: 'insert', rows: 'one', filtered: false, limited: false, paged: false, batched: isListValue(values?.call.arguments[0], facts) };
  }
  const where = links.find((l) => l.name === 'where');
  const limit = links.find((l) => l.name === 'limit');
  const selection = links[0].call.arguments[0];
  return {
    ...base,
    operation: 'read',
    rows: names.includes('groupBy') || (selection !== undefined && mentionsCall(selection, drizzleBuilder.aggregates, facts.walk)) ? 'aggregate' : isOne(limit?.call.arguments[0]) || names.includes('get') ? 'one' : 'many',
    filtered: where !== undefined || names.includes('having'),
    limited: limit !== undefined,
    paged: names.includes('offset') || (limit !== undefined && !isOne(limit.call.arguments[0])),
    batched: where !== undefined && mentionsCall(where.call, drizzleBuilder.batched, facts.walk),
  };
}

function isOne(e: ts.Expression | undefined): boolean {
  return e !== undefined && ts.isNumericLiteral(e) && e.text === '1';
}

/** Whether a call to a function whose name matches `names` appears under `node`. */
function mentionsCall(node: ts.Node, names: RegExp, walk: Walk): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) {
      const callee = ts.isCallExpression(n) ? unwrap(n.expression) : n.tag;
      const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
      if (name !== undefined && names.test(name)) found = true;
    }
    return !found;
  });
  return found;
}

/** An array: a literal with several elements, a `.map(…)`, or a name that says it holds many (`rows`, `ids`). */
function isListValue(e: ts.Expression | undefined, facts: Facts): boolean {
  if (!e) return false;
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u)) return u.elements.length !== 1;
  if (ts.isCallExpression(u)) return /^(map|filter|flatMap|slice|concat|from)$/.test(memberName(unwrap(u.expression)) ?? '');
  if (ts.isIdentifier(u)) {
    const declared = facts.constInitializer(u);
    if (declared && declared !== e) {
      const init = unwrap(declared);
      if (ts.isArrayLiteralExpression(init) || ts.isCallExpression(init)) return isListValue(init, facts);
    }
    return /(s|List|Array|Batch|Chunk)$/.test(u.text) && !/(ss|us|is)$/.test(u.text);
  }
  return false;
}

// ---- Models and repositories: Prisma, Sequelize, TypeORM, Mongoose, Drizzle's relational API ---------------------

/** The ORMs with model or repository query methods, in the order a file's imports decide an unknown receiver. */
const modelOrms: readonly OrmId[] = [prisma.id, sequelize.id, typeorm.id, mongoose.id];
const allModelMethods = new Set(modelOrms.flatMap((id) => Object.keys(orms[id].queryMethods ?? {})));
/** Names that only one library's models have. */
const distinctive: ReadonlyMap<string, OrmId> = new Map(modelOrms.flatMap((id) => (orms[id].distinctiveQueryMethods ?? []).map((m) => [m, id] as const)));
/** When nothing else tells, the file's import decides, in this order. */
const importPreference: readonly OrmId[] = [mongoose.id, typeorm.id, sequelize.id];
/** Query helpers that may follow a model call in its chain. */
const chainedHelpers = modelOrms.flatMap((id) => orms[id].queryOptions?.chainedHelpers ?? []);
const modelName = /^[A-Z][A-Za-z0-9]*$|(Model|Repository|Repo|repository|repo|model)$/;

function queryMethodOf(style: QueryStyle, method: string): ModelQueryMethod | undefined {
  const methods = style === 'sql' ? undefined : orms[style].queryMethods;
  return methods && Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
}

function modelQuery(call: ts.CallExpression, links: Link[], facts: Facts): DatabaseQuery | undefined {
  // The model call is the last link that is not a query helper chained after it.
  let index = links.length - 1;
  while (index > 0 && chainedHelpers.some((h) => h.test(links[index].name))) index--;
  const link = links[index];
  if (!allModelMethods.has(link.name)) return undefined;
  const callee = link.call.expression as ts.PropertyAccessExpression;
  const receiver = unwrap(callee.expression);
  const style = styleOf(receiver, link.name, facts);
  if (!style) return undefined;
  const shapeOf = orms[style].queryOptions;
  if (index < links.length - 1 && !shapeOf?.chainedHelpers) return undefined;
  const method = queryMethodOf(style, link.name);
  if (!method) return undefined;
  const args = link.call.arguments;
  // Array's own `find(fn)`, `findIndex`: a callback argument is never a database filter.
  if (args.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))) return undefined;
  // An entity manager takes the entity first: `manager.find(User, { where })`.
  const entityFirst = shapeOf?.entityFirst === true && args[0] !== undefined && isEntityReference(args[0]);
  const optionsArg = args[method.options + (entityFirst ? 1 : 0)];
  const options = optionsArg && ts.isObjectLiteralExpression(unwrap(optionsArg)) ? (unwrap(optionsArg) as ts.ObjectLiteralExpression) : undefined;
  const chained = links.slice(index + 1).map((l) => l.name);
  const shape = optionShape(style, link.name, method, options, optionsArg, chained, links.slice(index + 1), facts.walk);
  const target = entityFirst ? args[0].getText(facts.sourceFile) : callee.expression.getText(facts.sourceFile);
  const batchedInsert = method.operation === 'insert' && shapeOf?.insertTakesList === true && isListValue(args[0], facts);
  return {
    call,
    style,
    library: facts.libraryOf(receiver)?.library === style ? style : undefined,
    operation: method.operation,
    rows: method.rows === 'many' && shape.limitOne ? 'one' : method.rows,
    filtered: shape.filtered,
    limited: shape.limited,
    paged: shape.paged,
    batched: shape.batched || batchedInsert,
    target,
    catalog: false,
    chain: links.map((l) => l.call),
    method: link.name,
  };
}

function isEntityReference(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isIdentifier(u) && /^[A-Z]/.test(u.text)) || ts.isStringLiteralLike(u);
}

/** The model ORM a library id is (its models, not its raw SQL); mongodb's collections are read through database-writes. */
function modelOrmOf(library: LibraryId | undefined): OrmId | undefined {
  return modelOrms.find((id) => id === library);
}

/** The library a model receiver belongs to: its declaration, its class, the method's own name, or the file's imports. */
function styleOf(receiver: ts.Expression, method: string, facts: Facts): OrmId | undefined {
  const ref = facts.libraryOf(receiver);
  if (ref && !isProjectModule(ref.module)) {
    const style = modelOrmOf(ref.library);
    if (!style) return undefined;
    // `prisma.user.findMany`: the model is a member of the client; the client itself has no `findMany`.
    if (orms[style].queryOptions?.modelIsClientMember && !ts.isPropertyAccessExpression(receiver)) return undefined;
    return style;
  }
  // Drizzle's relational queries: `db.query.users.findMany()`.
  if (ts.isPropertyAccessExpression(receiver) && memberName(receiver.expression) === 'query') return undefined;
  const heritage = classHeritage(receiver, facts);
  if (heritage) return heritage;
  const own = distinctive.get(method);
  if (own && orms[own].queryOptions?.modelIsClientMember) return ts.isPropertyAccessExpression(receiver) ? own : undefined;
  const name = ts.isIdentifier(receiver) ? receiver.text : memberName(receiver);
  if (name === undefined || !modelName.test(name)) return undefined;
  if (own) return own;
  return importPreference.find((id) => facts.importsLibrary(id));
}

/** `class User extends Model` (Sequelize), `extends BaseEntity` (TypeORM), declared in this file. */
function classHeritage(receiver: ts.Expression, facts: Facts): OrmId | undefined {
  if (!ts.isIdentifier(receiver)) return undefined;
  const decl = facts.resolve(receiver);
  if (!decl || !ts.isClassDeclaration(decl)) return undefined;
  const base = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return base ? modelOrmOf(facts.libraryOf(base)?.library) : undefined;
}

/** `repo.find({ followerId })`: an older shorthand where an object without any option key is the WHERE itself. */
function isConditionsShorthand(optionKeys: readonly string[] | undefined, options: ts.ObjectLiteralExpression | undefined): boolean {
  return optionKeys !== undefined && options !== undefined && options.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && !optionKeys.includes(p.name.text));
}

interface OptionShape {
  filtered: boolean;
  limited: boolean;
  limitOne: boolean;
  paged: boolean;
  batched: boolean;
}

function optionShape(
  style: OrmId,
  methodName: string,
  method: ModelQueryMethod,
  options: ts.ObjectLiteralExpression | undefined,
  optionsArg: ts.Expression | undefined,
  chained: string[],
  chainLinks: Link[],
  walk: Walk,
): OptionShape {
  const has = (name: string): ts.Expression | undefined => {
    const p = options ? objectProperty(options, name) : undefined;
    return p && ts.isPropertyAssignment(p) ? p.initializer : p && ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
  };
  const spread = options?.properties.some((p) => ts.isSpreadAssignment(p)) ?? false;
  const opaque = optionsArg !== undefined && !options;
  const filterIsArgument = orms[style].queryOptions?.filterIsArgument ?? false;
  if (filterIsArgument === true || (filterIsArgument !== false && filterIsArgument.test(methodName))) {
    // The argument is the filter itself.
    const limitLink = chainLinks.find((l) => l.name === 'limit');
    const limitValue = limitLink?.call.arguments[0];
    return {
      filtered: opaque || spread || (options !== undefined && options.properties.length > 0) || chained.includes('where'),
      limited: limitLink !== undefined,
      limitOne: isOne(limitValue),
      paged: chained.includes('skip') || (limitValue !== undefined && !isOne(limitValue)),
      batched: optionsArg !== undefined && (mentionsKey(optionsArg, /^\$in$/, walk) || mentionsCall(optionsArg, /^In$/, walk)) || chained.includes('in'),
    };
  }
  const limitKey = orms[style].queryOptions?.limitOption;
  const limit = limitKey === undefined ? undefined : has(limitKey);
  const where = has('where');
  return {
    // `findByPk(id)` and an options object built elsewhere: assume they filter.
    filtered: opaque || spread || where !== undefined || method.byKey === true || isConditionsShorthand(orms[style].queryOptions?.optionKeys, options),
    limited: limit !== undefined || spread || opaque,
    limitOne: isOne(limit),
    paged: has('skip') !== undefined || has('offset') !== undefined || has('cursor') !== undefined || (limit !== undefined && !isOne(limit)),
    batched: where !== undefined && (mentionsKey(where, /^(in|\$in)$/, walk) || mentionsCall(where, /^In$/, walk) || mentionsOpIn(where, walk)),
  };
}

/** A property named by `key` anywhere in the object: `{ id: { in: ids } }`, `{ _id: { $in: ids } }`. */
function mentionsKey(node: ts.Node, key: RegExp, walk: Walk): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && key.test(n.name.text)) found = true;
    return !found;
  });
  return found;
}

/** Sequelize's `[Op.in]` key, or an array given as the value (`where: { id: ids }` means IN). */
function mentionsOpIn(node: ts.Node, walk: Walk): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (ts.isComputedPropertyName(n) && /\.(in|or)$/.test(n.expression.getText())) found = true;
    if (ts.isPropertyAssignment(n) && ts.isArrayLiteralExpression(unwrap(n.initializer))) found = true;
    return !found;
  });
  return found;
}
