/**
 * Knex (and the builders that share its API, Objection and AdonisJS Lucid): `knex('users').where(…).first()`,
 * raw fragments (`whereRaw(sql, bindings)`), and its write methods at the end of a chain.
 */
import type { OrmCatalog, SqlMethod } from './types';

/** Its raw builder methods (`raw`, `whereRaw`, `orderByRaw`…): SQL fragments with `?` bindings. */
export const knexRawMethod = /^(raw|(where|orWhere|andWhere|whereNot|having|orHaving|orderBy|groupBy|join|leftJoin|rightJoin|innerJoin|select|from|on|orOn|update|column)Raw)$/;
export const knexRaw: SqlMethod = { values: { kind: 'array', index: 1 }, placeholder: 'question', fragment: true };

export const knex: OrmCatalog = {
  id: 'knex',
  writeMethods: { insert: 'insert', update: 'update', del: 'delete', delete: 'delete', increment: 'update', decrement: 'update', upsert: 'upsert' },
  rowReadMethods: ['first'],
  promiseApi: {
    reads: ['select', 'first', 'pluck'],
    writes: ['insert', 'update', 'del', 'delete', 'truncate', 'increment', 'decrement', 'upsert', 'createTable', 'alterTable', 'dropTable', 'dropTableIfExists'],
    lazy: true,
  },
  batchHint: 'one query with `whereIn`',
  insertHint: 'one `insert` of an array',
};

/** The builder's vocabulary, for reading a chain's shape. */
export const knexBuilder = {
  /** Names a Knex instance usually has when its declaration is out of sight. */
  rootNames: /^(knex|db|trx|database|k|qb)$/,
  /** The same, for a write's handle. */
  writeHandleNames: /^(knex|db|trx|tx|k|database|connection)$/,
  aggregates: new Set(['count', 'countDistinct', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max']),
  /** Links that make a chain a write rather than a read. */
  writes: new Set(['update', 'del', 'delete', 'truncate', 'onConflict', 'merge', 'increment', 'decrement', 'set']),
  filters: /^(where|andWhere|orWhere|whereNot|whereIn|whereNotIn|whereExists|whereBetween|whereNull|whereNotNull|whereRaw|whereLike|whereILike|having|havingRaw|innerJoin)$/,
  batched: new Set(['whereIn', 'orWhereIn']),
  /** Links that take a row lock. */
  locks: /\.(forUpdate|forShare|forNoKeyUpdate)\s*\(/,
} as const;
