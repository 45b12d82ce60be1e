/**
 * The catalogue's shared types: what a library's names and methods are, as data. Facts and rules ask the
 * catalogue (index.ts) these questions; they never name a library's method themselves. One file per library or
 * family holds its table; adding an ORM means adding one table and its id here.
 */

/**
 * Every library Vigil knows, by its normalised id: the module name, or one id for a family of modules
 * (`@prisma/client` → prisma, `drizzle-orm/pg-core` → drizzle, `@nestjs/*` → nestjs, bcryptjs → bcrypt).
 * A module outside this list has no id: Vigil knows nothing of what it does.
 */
export type LibraryId =
  // SQL drivers
  | 'pg' | 'pg-promise' | '@neondatabase/serverless' | '@vercel/postgres' | 'mysql' | 'mysql2' | 'mariadb'
  | '@planetscale/database' | 'sqlite3' | 'sqlite' | 'better-sqlite3' | 'mssql' | 'pg-format' | 'sqlstring'
  // ORMs and query builders
  | 'knex' | 'sequelize' | 'typeorm' | 'prisma' | 'drizzle' | 'objection' | '@mikro-orm/core'
  // document and key-value stores, brokers
  | 'mongoose' | 'mongodb' | 'redis' | 'ioredis' | 'amqplib'
  // tokens, hashing, crypto
  | 'jsonwebtoken' | 'jose' | 'jwt-simple' | 'express-jwt' | 'koa-jwt' | '@fastify/jwt' | 'fastify-jwt'
  | 'bcrypt' | 'argon2' | '@node-rs/argon2' | '@node-rs/bcrypt' | 'crypto' | 'crypto-js' | 'md5' | 'blueimp-md5' | 'js-md5' | 'sha1' | 'js-sha1' | 'js-sha256'
  | 'js-sha512' | 'js-sha3' | 'sha256'
  // sessions and cookies
  | 'express-session' | 'cookie-session' | 'koa-session' | '@fastify/session' | '@fastify/secure-session'
  | '@fastify/cookie' | 'cookie-parser'
  // web frameworks
  | 'express' | 'fastify' | 'koa' | 'koa-router' | 'hono' | 'next' | 'nestjs'
  // payments and mail
  | 'stripe' | '@adyen/api-library' | 'nodemailer' | '@sendgrid/mail' | 'resend'
  // HTTP clients
  | 'axios' | 'got' | 'superagent' | 'supertest' | 'ky' | 'node-fetch' | 'undici' | 'request' | 'needle' | 'ofetch'
  | 'cross-fetch' | 'isomorphic-fetch'
  // processes, files, code
  | 'child_process' | 'execa' | 'shelljs' | 'fs' | 'fs/promises' | 'fs-extra' | 'graceful-fs' | 'mkdirp' | 'make-dir' | 'fstream' | 'path' | 'vm' | 'util' | 'zlib' | 'dns'
  // URL and query-string parsers, upload parsers
  | 'url' | 'querystring' | 'qs' | 'busboy' | 'formidable' | 'multer'
  // deserialisers and XML parsers
  | 'node-serialize' | 'serialize-to-js' | 'funcster' | 'cryo' | 'js-yaml' | 'libxmljs' | 'libxmljs2'
  // loggers
  | 'pino' | 'winston' | 'bunyan' | 'loglevel' | 'signale' | 'consola' | 'log4js' | 'roarr' | 'tslog';

/** What a library is for: the first question a rule asks before looking at a call. */
export type LibraryKind =
  | 'sql-driver' | 'sql-escaping' | 'orm' | 'document-store' | 'key-value' | 'broker' | 'token' | 'password-hash'
  | 'crypto' | 'digest' | 'session' | 'web-framework' | 'payment' | 'mail' | 'http-client' | 'process' | 'file-system'
  | 'code' | 'node-runtime' | 'logger' | 'deserializer' | 'xml-parser' | 'url-parser' | 'upload-parser';

/** `$1, $2`, `?`, `:name` (Sequelize replacements), or a tagged template whose holes are the values. */
export type PlaceholderStyle = 'dollar' | 'question' | 'named' | 'tagged';

/** Where a SQL-text method takes its values (bindings). */
export type ValuesSlot =
  /** An array argument at `index` (`pool.query(sql, [a])`, `knex.raw(sql, [a])`). */
  | { kind: 'array'; index: number }
  /** Each value its own argument from `index` on (`$queryRawUnsafe(sql, a, b)`). */
  | { kind: 'spread'; index: number }
  /** An options argument at `index`: `{ replacements }` or `{ bind }`. */
  | { kind: 'options'; index: number }
  /** The call chained right after (`db.prepare(sql).get(a)`), values spread as its arguments. */
  | { kind: 'chained' }
  /** `request.input('name', value)` calls before `.query` (mssql). */
  | { kind: 'inputs' }
  /** Nowhere: `exec` runs a script without parameters. */
  | { kind: 'none' };

/** A method that runs SQL text given as its first argument. */
export interface SqlMethod {
  values: ValuesSlot;
  /** Undefined when it depends on the database behind the library (TypeORM, an unknown receiver). */
  placeholder: PlaceholderStyle | undefined;
  /** A raw fragment inside a query builder (knex `whereRaw`), not a whole statement. */
  fragment?: boolean;
}

/**
 * How a library's queries are written, which decides how Vigil reads their shape. One value per query API;
 * `sql` is SQL text through any driver. The single union for reads, writes and transactions.
 */
export type DatabaseStyle = 'sql' | OrmId;

/** The libraries with a query API of their own. */
export type OrmId = 'prisma' | 'sequelize' | 'typeorm' | 'mongoose' | 'knex' | 'drizzle';

/** How many rows a read returns: one by construction, many, or an aggregate (counts and sums). */
export type RowCount = 'many' | 'one' | 'aggregate';

/** A model or repository method that reads rows or inserts them. */
export interface ModelQueryMethod {
  operation: 'read' | 'insert';
  rows: RowCount;
  /** The argument holding the filter or the options object. */
  options: number;
  /** Reads by primary key (`findByPk(id)`): filtered whatever its options say. */
  byKey?: boolean;
}

export type WriteKind = 'insert' | 'update' | 'delete' | 'upsert';

/** How a query method's argument carries its filter and its limit. */
export interface QueryOptionsShape {
  /** The argument is the filter itself (`Model.find({ status })`), not an options object with a `where`. */
  filterIsArgument: boolean | RegExp;
  /** The option key that limits the rows (`take`, `limit`), when the options object has one. */
  limitOption?: string;
  /** The entity may come first (`manager.find(User, { where })`). */
  entityFirst?: boolean;
  /** Query helpers that may follow the query method in its chain (`.limit(10).lean()`). */
  chainedHelpers?: RegExp;
  /** Models are members of the client (`prisma.user.findMany`); the client itself has no query methods. */
  modelIsClientMember?: boolean;
  /** Its insert takes an array of rows as its first argument. */
  insertTakesList?: boolean;
  /** The keys of its options object; an object with any other key is the conditions themselves (TypeORM 0.2's shorthand). */
  optionKeys?: readonly string[];
}

/** The promise API of a library's methods: which settle later, which of those write, and which are lazy thenables. */
export interface PromiseApi {
  reads: readonly string[];
  writes: readonly string[];
  /** A thenable that does nothing until awaited: every method, or every method but these. */
  lazy: boolean | { except: readonly string[] };
  /** The module's own export has these methods too (`mongoose.connect()`), not only what is made from it. */
  onModule?: boolean;
}

/** One ORM or query builder: its methods as data. */
export interface OrmCatalog {
  id: OrmId;
  /** Methods that take SQL text as their first argument (the raw-SQL escape hatches). */
  sqlMethods?: Readonly<Record<string, SqlMethod>>;
  /** Methods of its models or repositories that read rows or insert them. */
  queryMethods?: Readonly<Record<string, ModelQueryMethod>>;
  /** Query method names only this library's models have: enough to tell the library from the name. */
  distinctiveQueryMethods?: readonly string[];
  /** How the query methods' arguments carry the filter and the limit. */
  queryOptions?: QueryOptionsShape;
  /** Methods that write, and what they write. */
  writeMethods?: Readonly<Record<string, WriteKind>>;
  /** Write methods whose first argument is the filter (`repo.update(criteria, values)`). */
  filterFirstWrites?: readonly string[];
  /** Methods that read a single row (the read of a check-then-act). */
  rowReadMethods?: readonly string[];
  /** Write and read method names no other library's models have. */
  distinctiveAccessMethods?: readonly string[];
  promiseApi?: PromiseApi;
  /** Calls on the module that define a model (`mongoose.model(…)`, `sequelize.define(…)`). */
  modelDefinitions?: readonly string[];
  /** A class extending one of its exports is a model (`class User extends Model`). */
  modelBaseClass?: boolean;
  /** How to ask for many keys at once, as a message suggests it. */
  batchHint: string;
  /** How to insert many rows at once, as a message suggests it. */
  insertHint: string;
}

/** The routing APIs Vigil reads routes and middleware from. */
export type WebFramework = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'nestjs';
