/**
 * Drizzle: a typed builder on a client (`db.select().from(users).where(eq(…))`, `db.insert(t).values(v)`), the
 * `sql` tag (parameterised) and `sql.raw` (not), and the relational API (`db.query.users.findMany()`).
 */
import type { OrmCatalog } from './types';

export const drizzle: OrmCatalog = {
  id: 'drizzle',
  sqlMethods: { raw: { values: { kind: 'none' }, placeholder: 'tagged', fragment: true } },
  writeMethods: { insert: 'insert', update: 'update', delete: 'delete' },
  promiseApi: { reads: ['select', 'execute'], writes: ['insert', 'update', 'delete'], lazy: true },
  batchHint: 'one query with `inArray`',
  insertHint: 'one `insert(…).values(rows)`',
};

/** The builder's vocabulary, for reading a chain's shape. */
export const drizzleBuilder = {
  /** What each write is followed by in its chain, so `map.delete(key)` is not taken for one. */
  writeNext: { insert: /^values$/, update: /^set$/, delete: /^(where|returning)$/ } as Readonly<Record<string, RegExp>>,
  /** The first link of a read or an insert. */
  starts: new Set(['select', 'selectDistinct', 'insert']),
  aggregates: /^(count|countDistinct|sum|avg|min|max)$/,
  /** Calls in a `where` that ask for many keys at once. */
  batched: /^(inArray|sql)$/,
  /** Its equality condition, `eq(column, value)`. */
  equals: 'eq',
  /** The tag whose `raw` member takes SQL text. */
  sqlTag: 'sql',
} as const;
