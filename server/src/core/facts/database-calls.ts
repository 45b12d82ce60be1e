/**
 * Which calls run SQL text, of which library, and how that library takes values: the "SQL sink" question that
 * sql-injection asks, and that query-shape rules (n-plus-one, unbounded-query, missing-transaction) ask too.
 * The receiver is identified by `facts.libraryOf`; a receiver from another module of the project (`db` from
 * './db') or one not declared at all is `library: undefined`, and callers decide how much text they need to see
 * before they believe it is a database.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { isProjectModule } from './libraries';
import { memberName, unwrap } from './syntax';

/** `$1, $2`, `?`, `:name` (Sequelize replacements), or a tagged template whose holes are the values. */
export type PlaceholderStyle = 'dollar' | 'question' | 'named' | 'tagged';

/** Where a call takes its values. */
export type ValuesSlot =
  /** An array argument at `index` (`pool.query(sql, [a])`, `knex.raw(sql, [a])`). */
  | { kind: 'array'; index: number }
  /** Each value its own argument from `index` on (`$queryRawUnsafe(sql, a, b)`). */
  | { kind: 'spread'; index: number }
  /** Sequelize's options argument at `index`: `{ replacements }` or `{ bind }`. */
  | { kind: 'options'; index: number }
  /** The call chained right after (`db.prepare(sql).get(a)`), values spread as its arguments. */
  | { kind: 'chained' }
  /** `request.input('name', value)` calls before `.query` (mssql). */
  | { kind: 'inputs' }
  /** Nowhere: `exec` runs a script without parameters. */
  | { kind: 'none' };

export interface DatabaseCall {
  call: ts.CallExpression;
  /** Normalised library id ("pg", "mysql2", "knex"…), or undefined when the receiver is not known. */
  library: string | undefined;
  method: string;
  /** The argument holding the SQL text. */
  sql: ts.Expression;
  values: ValuesSlot;
  /** The placeholder style the library takes; undefined when it depends on the database behind it (TypeORM, unknown). */
  placeholder: PlaceholderStyle | undefined;
  /** Whether the call is a raw SQL fragment inside a query builder (knex `whereRaw`), not a whole statement. */
  fragment: boolean;
}

interface MethodShape {
  values: ValuesSlot;
  placeholder: PlaceholderStyle | undefined;
  fragment?: boolean;
}

const arrayAt1: ValuesSlot = { kind: 'array', index: 1 };
const none: ValuesSlot = { kind: 'none' };

const dollarQuery: Record<string, MethodShape> = { query: { values: arrayAt1, placeholder: 'dollar' } };
const mysqlMethods: Record<string, MethodShape> = {
  query: { values: arrayAt1, placeholder: 'question' },
  execute: { values: arrayAt1, placeholder: 'question' },
};
const sqlite3Methods: Record<string, MethodShape> = {
  run: { values: arrayAt1, placeholder: 'question' },
  get: { values: arrayAt1, placeholder: 'question' },
  all: { values: arrayAt1, placeholder: 'question' },
  each: { values: arrayAt1, placeholder: 'question' },
  prepare: { values: arrayAt1, placeholder: 'question' },
  exec: { values: none, placeholder: 'question' },
};
const betterSqliteMethods: Record<string, MethodShape> = {
  prepare: { values: { kind: 'chained' }, placeholder: 'question' },
  exec: { values: none, placeholder: 'question' },
};
const pgPromiseMethods: Record<string, MethodShape> = Object.fromEntries(
  ['query', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi'].map((m) => [m, { values: arrayAt1, placeholder: 'dollar' as const }]),
);
const knexRaw: MethodShape = { values: arrayAt1, placeholder: 'question', fragment: true };

/** Per library: the methods that take SQL text as their first argument. */
const methodsByLibrary: Readonly<Record<string, Record<string, MethodShape>>> = {
  pg: dollarQuery,
  '@neondatabase/serverless': dollarQuery,
  '@vercel/postgres': dollarQuery,
  'pg-promise': pgPromiseMethods,
  mysql: mysqlMethods,
  mysql2: mysqlMethods,
  mariadb: mysqlMethods,
  '@planetscale/database': { execute: { values: arrayAt1, placeholder: 'question' } },
  sqlite3: sqlite3Methods,
  sqlite: sqlite3Methods,
  'better-sqlite3': betterSqliteMethods,
  mssql: { query: { values: { kind: 'inputs' }, placeholder: 'tagged' }, batch: { values: { kind: 'inputs' }, placeholder: 'tagged' } },
  sequelize: { query: { values: { kind: 'options', index: 1 }, placeholder: 'named' } },
  prisma: {
    $queryRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
    $executeRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
  },
  typeorm: { query: { values: arrayAt1, placeholder: undefined } },
  drizzle: { raw: { values: none, placeholder: 'tagged', fragment: true } },
};

/** Knex's raw builder methods (`whereRaw`, `orderByRaw`…); Objection and AdonisJS Lucid share them. */
const knexRawMethod = /^(raw|(where|orWhere|andWhere|whereNot|having|orHaving|orderBy|groupBy|join|leftJoin|rightJoin|innerJoin|select|from|on|orOn|update|column)Raw)$/;

/** Method names that run SQL when the receiver is not known: driver names, and the Prisma escape hatches. */
const unknownReceiverMethods: Readonly<Record<string, MethodShape>> = {
  query: { values: arrayAt1, placeholder: undefined },
  execute: { values: arrayAt1, placeholder: undefined },
  run: { values: arrayAt1, placeholder: 'question' },
  all: { values: arrayAt1, placeholder: 'question' },
  get: { values: arrayAt1, placeholder: 'question' },
  exec: { values: none, placeholder: undefined },
  prepare: { values: none, placeholder: undefined },
  raw: { values: arrayAt1, placeholder: 'question' },
  unsafe: { values: arrayAt1, placeholder: 'dollar' },
  $queryRawUnsafe: methodsByLibrary.prisma.$queryRawUnsafe,
  $executeRawUnsafe: methodsByLibrary.prisma.$executeRawUnsafe,
};

/** Libraries whose names are database clients; a receiver of any other known library is not a database. */
export function isDatabaseLibrary(library: string): boolean {
  return library in methodsByLibrary;
}

/**
 * The database call `call` is, if it is one. Unknown receivers are returned with `library: undefined` for the
 * caller to confirm from the SQL text; a receiver known to be some other library is never a database call.
 */
export function databaseCallOf(call: ts.CallExpression, facts: Facts): DatabaseCall | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const method = memberName(callee);
  const sql = call.arguments[0];
  if (method === undefined || sql === undefined || ts.isSpreadElement(sql)) return undefined;
  const isKnexMethod = knexRawMethod.test(method);
  const isDrizzleRaw = method === 'raw' && ts.isIdentifier(unwrap(callee.expression)) && (unwrap(callee.expression) as ts.Identifier).text === 'sql';
  if (!isKnexMethod && !(method in unknownReceiverMethods) && !isKnownMethodName(method)) return undefined;

  const ref = facts.libraryOf(callee.expression);
  if (ref && !isProjectModule(ref.module)) {
    const library = ref.library;
    const known = databaseMethod(library, method);
    // Drizzle's `raw` is on its `sql` export; a Drizzle client (`drizzle(pool)`) has no SQL-text method.
    if (!known || (library === 'drizzle' && !ref.isModule)) return undefined;
    return { call, library, method, sql, ...known };
  }
  if (isDrizzleRaw) return undefined; // an undeclared `sql.raw` is too ambiguous to call Drizzle's
  if (isKnexMethod) return { call, library: undefined, method, sql, ...shape(knexRaw) };
  const guess = unknownReceiverMethods[method];
  return guess ? { call, library: undefined, method, sql, ...shape(guess) } : undefined;
}

let knownMethodNames: Set<string> | undefined;
function isKnownMethodName(method: string): boolean {
  knownMethodNames ??= new Set(Object.values(methodsByLibrary).flatMap((m) => Object.keys(m)));
  return knownMethodNames.has(method);
}

function shape(s: MethodShape): Pick<DatabaseCall, 'values' | 'placeholder' | 'fragment'> {
  return { values: s.values, placeholder: s.placeholder, fragment: s.fragment ?? false };
}

/**
 * The database library a file imports, for callers that must guess what an unknown receiver is (`db` from
 * './db' in a file that imports `QueryTypes` from sequelize, or `Pool` types from pg).
 */
export function databaseLibraryOfFile(facts: Facts): string | undefined {
  return facts.imports.find((i) => isDatabaseLibrary(i.library) && i.library !== 'drizzle')?.library;
}

/** How `library`'s `method` takes SQL and values, if it is one of its SQL methods. */
export function databaseMethod(library: string, method: string): Pick<DatabaseCall, 'values' | 'placeholder' | 'fragment'> | undefined {
  if (library === 'knex' && knexRawMethod.test(method)) return shape(knexRaw);
  const s = methodsByLibrary[library]?.[method];
  return s ? shape(s) : undefined;
}
