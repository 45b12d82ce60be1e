/**
 * Which calls run SQL text, of which library, and how that library takes values: the "SQL sink" question that
 * sql-injection asks, and that query-shape rules (n-plus-one, unbounded-query, missing-transaction) ask too.
 * The receiver is identified by `facts.libraryOf`; a receiver from another module of the project (`db` from
 * './db') or one not declared at all is `library: undefined`, and callers decide how much text they need to see
 * before they believe it is a database.
 */
import * as ts from 'typescript';
import { Facts, factKey } from './facts';
import { isProjectModule } from './libraries';
import { memberName, unwrap } from './syntax';
import {
  LibraryId, PlaceholderStyle, SqlMethod, ValuesSlot, drizzle, drizzleBuilder, isDatabaseLibrary, knexRaw, knexRawMethod, sqlMethodNames,
  sqlMethodOf, unknownReceiverSqlMethod,
} from '../catalog';

export type { PlaceholderStyle, ValuesSlot };

export interface DatabaseCall {
  call: ts.CallExpression;
  /** The library, or undefined when the receiver is not known. */
  library: LibraryId | undefined;
  method: string;
  /** The argument holding the SQL text. */
  sql: ts.Expression;
  values: ValuesSlot;
  /** The placeholder style the library takes; undefined when it depends on the database behind it (TypeORM, unknown). */
  placeholder: PlaceholderStyle | undefined;
  /** Whether the call is a raw SQL fragment inside a query builder (knex `whereRaw`), not a whole statement. */
  fragment: boolean;
}

/**
 * The database call `call` is, if it is one. Unknown receivers are returned with `library: undefined` for the
 * caller to confirm from the SQL text; a receiver known to be some other library is never a database call.
 */
export function databaseCallOf(call: ts.CallExpression, facts: Facts): DatabaseCall | undefined {
  return facts.memo(databaseCallFact, call, () => computeDatabaseCall(call, facts));
}

const databaseCallFact = factKey<DatabaseCall | undefined>('database call');

function computeDatabaseCall(call: ts.CallExpression, facts: Facts): DatabaseCall | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const method = memberName(callee);
  const sql = call.arguments[0];
  if (method === undefined || sql === undefined || ts.isSpreadElement(sql)) return undefined;
  const isKnexMethod = knexRawMethod.test(method);
  const receiver = unwrap(callee.expression);
  const isDrizzleRaw = method === 'raw' && ts.isIdentifier(receiver) && receiver.text === drizzleBuilder.sqlTag;
  const guess = unknownReceiverSqlMethod(method);
  if (!isKnexMethod && !guess && !sqlMethodNames.has(method)) return undefined;

  const ref = facts.libraryOf(callee.expression);
  if (ref && !isProjectModule(ref.module)) {
    const library = ref.library;
    const known = library === undefined ? undefined : sqlMethodOf(library, method);
    // Drizzle's `raw` is on its `sql` export; a Drizzle client (`drizzle(pool)`) has no SQL-text method.
    if (!known || (library === drizzle.id && !ref.isModule)) return undefined;
    return { call, library, method, sql, ...shape(known) };
  }
  if (isDrizzleRaw) return undefined; // an undeclared `sql.raw` is too ambiguous to call Drizzle's
  if (isKnexMethod) return { call, library: undefined, method, sql, ...shape(knexRaw) };
  return guess ? { call, library: undefined, method, sql, ...shape(guess) } : undefined;
}

function shape(s: SqlMethod): Pick<DatabaseCall, 'values' | 'placeholder' | 'fragment'> {
  return { values: s.values, placeholder: s.placeholder, fragment: s.fragment ?? false };
}

/**
 * The database library a file imports, for callers that must guess what an unknown receiver is (`db` from
 * './db' in a file that imports `QueryTypes` from sequelize, or `Pool` types from pg).
 */
export function databaseLibraryOfFile(facts: Facts): LibraryId | undefined {
  return facts.imports.find((i) => i.library !== undefined && isDatabaseLibrary(i.library) && i.library !== drizzle.id)?.library;
}

/** How `library`'s `method` takes SQL and values, if it is one of its SQL methods. */
export function databaseMethod(library: LibraryId, method: string): Pick<DatabaseCall, 'values' | 'placeholder' | 'fragment'> | undefined {
  const s = sqlMethodOf(library, method);
  return s ? shape(s) : undefined;
}
