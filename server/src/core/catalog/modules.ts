/**
 * Which module specifier is which library: every id the catalogue knows with what it is for, the modules that
 * are another name of one (`mysql2/promise`, `bcryptjs`, `@prisma/client`), and the families named by prefix.
 */
import type { LibraryId, LibraryKind } from './types';

/** Every known library and what it is for; a module missing here has no id. */
export const libraryKinds: Readonly<Record<LibraryId, LibraryKind>> = {
  pg: 'sql-driver', 'pg-promise': 'sql-driver', '@neondatabase/serverless': 'sql-driver', '@vercel/postgres': 'sql-driver',
  mysql: 'sql-driver', mysql2: 'sql-driver', mariadb: 'sql-driver', '@planetscale/database': 'sql-driver',
  sqlite3: 'sql-driver', sqlite: 'sql-driver', 'better-sqlite3': 'sql-driver', mssql: 'sql-driver',
  'pg-format': 'sql-escaping', sqlstring: 'sql-escaping',
  knex: 'orm', sequelize: 'orm', typeorm: 'orm', prisma: 'orm', drizzle: 'orm', objection: 'orm', '@mikro-orm/core': 'orm',
  mongoose: 'document-store', mongodb: 'document-store', redis: 'key-value', ioredis: 'key-value', amqplib: 'broker',
  jsonwebtoken: 'token', jose: 'token', 'jwt-simple': 'token', 'express-jwt': 'token', 'koa-jwt': 'token',
  '@fastify/jwt': 'token', 'fastify-jwt': 'token',
  bcrypt: 'password-hash', argon2: 'password-hash', '@node-rs/argon2': 'password-hash', '@node-rs/bcrypt': 'password-hash', crypto: 'crypto', 'crypto-js': 'crypto',
  md5: 'digest', 'blueimp-md5': 'digest', 'js-md5': 'digest', sha1: 'digest', 'js-sha1': 'digest', 'js-sha256': 'digest',
  'js-sha512': 'digest', 'js-sha3': 'digest', sha256: 'digest',
  'express-session': 'session', 'cookie-session': 'session', 'koa-session': 'session', '@fastify/session': 'session',
  '@fastify/secure-session': 'session', '@fastify/cookie': 'session', 'cookie-parser': 'session',
  express: 'web-framework', fastify: 'web-framework', koa: 'web-framework', 'koa-router': 'web-framework', hono: 'web-framework',
  next: 'web-framework', nestjs: 'web-framework',
  stripe: 'payment', '@adyen/api-library': 'payment', nodemailer: 'mail', '@sendgrid/mail': 'mail', resend: 'mail',
  axios: 'http-client', got: 'http-client', superagent: 'http-client', supertest: 'http-client', ky: 'http-client',
  'node-fetch': 'http-client', undici: 'http-client', request: 'http-client', needle: 'http-client', ofetch: 'http-client',
  'cross-fetch': 'http-client', 'isomorphic-fetch': 'http-client',
  child_process: 'process', execa: 'process', shelljs: 'process',
  fs: 'file-system', 'fs/promises': 'file-system', 'fs-extra': 'file-system', 'graceful-fs': 'file-system', mkdirp: 'file-system',
  'make-dir': 'file-system', fstream: 'file-system', path: 'file-system',
  url: 'url-parser', querystring: 'url-parser', qs: 'url-parser', busboy: 'upload-parser', formidable: 'upload-parser', multer: 'upload-parser',
  vm: 'code', util: 'node-runtime', zlib: 'node-runtime', dns: 'node-runtime',
  'node-serialize': 'deserializer', 'serialize-to-js': 'deserializer', funcster: 'deserializer', cryo: 'deserializer', 'js-yaml': 'deserializer',
  libxmljs: 'xml-parser', libxmljs2: 'xml-parser',
  pino: 'logger', winston: 'logger', bunyan: 'logger', loglevel: 'logger', signale: 'logger', consola: 'logger',
  log4js: 'logger', roarr: 'logger', tslog: 'logger',
};

/** Modules that are another name of a known library. */
const aliases: Readonly<Record<string, LibraryId>> = {
  'mysql2/promise': 'mysql2',
  '@prisma/client': 'prisma',
  bcryptjs: 'bcrypt',
  'next/server': 'next',
  '@koa/router': 'koa-router',
  'pg-pool': 'pg',
  // child_process's functions returning promises: the same command forms (`exec` runs a shell).
  'mz/child_process': 'child_process',
  'child-process-promise': 'child_process',
};

/** Families published as many modules: every module under the prefix is the library. */
const prefixes: readonly (readonly [string, LibraryId])[] = [
  ['drizzle-orm', 'drizzle'],
  ['@nestjs/', 'nestjs'],
  ['@prisma/', 'prisma'],
  ['sequelize', 'sequelize'],
  ['typeorm', 'typeorm'],
];

function isLibraryId(name: string): name is LibraryId {
  return Object.prototype.hasOwnProperty.call(libraryKinds, name);
}

/** The library a module specifier names (`node:` dropped), or undefined for a module the catalogue does not know. */
export function libraryIdOf(moduleName: string): LibraryId | undefined {
  const m = moduleName.startsWith('node:') ? moduleName.slice(5) : moduleName;
  if (Object.prototype.hasOwnProperty.call(aliases, m)) return aliases[m];
  for (const [prefix, id] of prefixes) if (m.startsWith(prefix)) return id;
  return isLibraryId(m) ? m : undefined;
}

/** Whether `library` is one of `kind`: `isKind(ref.library, 'logger')`. */
export function isKind(library: LibraryId | undefined, ...kinds: readonly LibraryKind[]): boolean {
  return library !== undefined && kinds.includes(libraryKinds[library]);
}

/** Type names that identify an injected client when nothing else does (NestJS services, typed parameters). */
export const typeNameHints: readonly (readonly [RegExp, LibraryId])[] = [
  [/^Prisma(Client|Service)$/, 'prisma'],
  [/^(Pool|PoolClient)$/, 'pg'],
  [/^Knex$/, 'knex'],
  [/^Sequelize$/, 'sequelize'],
  [/^(DataSource|EntityManager|QueryRunner)$/, 'typeorm'],
  [/^JwtService$/, 'nestjs'],
];
