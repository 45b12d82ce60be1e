/**
 * SQL drivers: which of their methods run SQL text, where they take the values, and which placeholders the
 * database behind them reads. Postgres (pg and its hosted variants, pg-promise), MySQL and MariaDB, SQLite,
 * SQL Server.
 */
import type { LibraryId, SqlMethod, ValuesSlot } from './types';

const arrayAt1: ValuesSlot = { kind: 'array', index: 1 };
const none: ValuesSlot = { kind: 'none' };

const dollarQuery: Readonly<Record<string, SqlMethod>> = { query: { values: arrayAt1, placeholder: 'dollar' } };
const mysqlMethods: Readonly<Record<string, SqlMethod>> = {
  query: { values: arrayAt1, placeholder: 'question' },
  execute: { values: arrayAt1, placeholder: 'question' },
};
const sqlite3Methods: Readonly<Record<string, SqlMethod>> = {
  run: { values: arrayAt1, placeholder: 'question' },
  get: { values: arrayAt1, placeholder: 'question' },
  all: { values: arrayAt1, placeholder: 'question' },
  each: { values: arrayAt1, placeholder: 'question' },
  prepare: { values: arrayAt1, placeholder: 'question' },
  exec: { values: none, placeholder: 'question' },
};
const pgPromiseMethods: Readonly<Record<string, SqlMethod>> = Object.fromEntries(
  ['query', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi'].map((m) => [m, { values: arrayAt1, placeholder: 'dollar' as const }]),
);

/** Per driver: the methods that take SQL text as their first argument. */
export const sqlDriverMethods: Readonly<Partial<Record<LibraryId, Readonly<Record<string, SqlMethod>>>>> = {
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
  'better-sqlite3': {
    prepare: { values: { kind: 'chained' }, placeholder: 'question' },
    exec: { values: none, placeholder: 'question' },
  },
  mssql: { query: { values: { kind: 'inputs' }, placeholder: 'tagged' }, batch: { values: { kind: 'inputs' }, placeholder: 'tagged' } },
};

/**
 * Drivers whose SQL methods return a promise when given no callback; a module name narrows it when only one
 * entry point of the library is promise-based (`mysql2/promise`).
 */
export const promiseDrivers: Readonly<Partial<Record<LibraryId, true | string>>> = {
  pg: true,
  '@neondatabase/serverless': true,
  '@vercel/postgres': true,
  'pg-promise': true,
  mariadb: true,
  '@planetscale/database': true,
  sqlite: true,
  mysql2: 'mysql2/promise',
};

/** Libraries whose exports escape or format values into SQL text (`format`, `escape`). */
export const sqlEscapers: ReadonlySet<LibraryId> = new Set<LibraryId>(['pg-format', 'sqlstring', 'mysql', 'mysql2']);

/** Method names that run SQL when the receiver is not known: driver names, and the raw-SQL escape hatches. */
export const unknownReceiverSqlMethods: Readonly<Record<string, SqlMethod>> = {
  query: { values: arrayAt1, placeholder: undefined },
  execute: { values: arrayAt1, placeholder: undefined },
  run: { values: arrayAt1, placeholder: 'question' },
  all: { values: arrayAt1, placeholder: 'question' },
  get: { values: arrayAt1, placeholder: 'question' },
  exec: { values: none, placeholder: undefined },
  prepare: { values: none, placeholder: undefined },
  raw: { values: arrayAt1, placeholder: 'question' },
  unsafe: { values: arrayAt1, placeholder: 'dollar' },
  $queryRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
  $executeRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
};
