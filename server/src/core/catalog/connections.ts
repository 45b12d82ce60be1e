/**
 * Clients made from a config object or a connection URL: databases, caches, brokers, mail servers. Which
 * libraries they are, the names that make them, and what the password in their config opens.
 */
import type { LibraryId } from './types';

/** What a client's password opens, as a message says it, and the environment variable it belongs in. */
export interface ConnectionSecret {
  what: string;
  impact: string;
  envName: string;
}

export interface ConnectionLibrary {
  /** Undefined: a database's password. */
  password?: ConnectionSecret;
  /** Its constructor takes the password as a positional argument (`new Sequelize(db, user, password)`). */
  passwordArgument?: number;
}

const redis: ConnectionLibrary = { password: { what: 'Redis password', impact: 'read and write the cache', envName: 'REDIS_PASSWORD' } };

export const connectionLibraries: Readonly<Partial<Record<LibraryId, ConnectionLibrary>>> = {
  pg: {},
  mysql: {},
  mysql2: {},
  mongoose: {},
  mongodb: {},
  sequelize: { passwordArgument: 2 },
  typeorm: {},
  knex: {},
  prisma: {},
  ioredis: redis,
  redis,
  mssql: {},
  nodemailer: { password: { what: 'mail server password', impact: 'send mail as this account', envName: 'SMTP_PASSWORD' } },
  amqplib: {},
};

/** Constructors and factory functions that make a client from a config or a URL. */
export const connectionFactories: ReadonlySet<string> = new Set([
  'Pool', 'Client', 'createConnection', 'createPool', 'createPoolCluster', 'connect', 'createClient', 'Sequelize', 'DataSource',
  'PrismaClient', 'MongoClient', 'Redis', 'Cluster', 'ConnectionPool', 'createTransport',
]);

/**
 * The same clients in a snippet whose import is elsewhere (`mongoose.connect(...)` on an undeclared
 * `mongoose`): the global name, the library, and whether the name itself is the factory (`knex(config)`).
 */
export const connectionGlobals: ReadonlyMap<string, { library: LibraryId; callable?: boolean }> = new Map([
  ['mongoose', { library: 'mongoose' }],
  ['mysql', { library: 'mysql' }],
  ['pg', { library: 'pg' }],
  ['knex', { library: 'knex', callable: true }],
  ['Sequelize', { library: 'sequelize' }],
  ['PrismaClient', { library: 'prisma' }],
  ['MongoClient', { library: 'mongodb' }],
  ['Pool', { library: 'pg' }],
]);
