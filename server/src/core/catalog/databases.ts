/**
 * The database questions over every table: which methods of a library run SQL text, which ORM a library id
 * is, and the method names any of them gives meaning to (the cheap first filter before resolving names).
 */
import { drizzle } from './drizzle';
import { knex, knexRaw, knexRawMethod } from './knex';
import { mongoose } from './mongoose';
import { prisma } from './prisma';
import { sequelize } from './sequelize';
import { sqlDriverMethods, unknownReceiverSqlMethods } from './sql-drivers';
import { typeorm } from './typeorm';
import type { LibraryId, OrmCatalog, OrmId, PlaceholderStyle, SqlMethod, WriteKind } from './types';

export const orms: Readonly<Record<OrmId, OrmCatalog>> = { prisma, sequelize, typeorm, mongoose, knex, drizzle };

/** The ORM a library id is; mongodb's collections share Mongoose's method table. */
export function ormOf(library: LibraryId | undefined): OrmCatalog | undefined {
  if (library === 'mongodb') return mongoose;
  return ownOrm(library);
}

/** The ORM whose own id `library` is. */
function ownOrm(library: LibraryId | undefined): OrmCatalog | undefined {
  return library !== undefined && Object.prototype.hasOwnProperty.call(orms, library) ? orms[library as OrmId] : undefined;
}

/** The SQL-text methods of each library that has some. */
function sqlMethodsOf(library: LibraryId): Readonly<Record<string, SqlMethod>> | undefined {
  return sqlDriverMethods[library] ?? (Object.prototype.hasOwnProperty.call(orms, library) ? orms[library as OrmId].sqlMethods : undefined);
}

/** Libraries whose values are database clients; a receiver of any other known library is not a database. */
export function isDatabaseLibrary(library: LibraryId): boolean {
  return sqlMethodsOf(library) !== undefined;
}

/** Libraries whose values are database handles: SQL clients, ORM clients and their models, query builders. */
export function isDatabaseHandleLibrary(library: LibraryId | undefined): boolean {
  return library !== undefined && (isDatabaseLibrary(library) || ormOf(library) !== undefined);
}

/** How `library`'s `method` takes SQL text and values, if it is one of its SQL methods. */
export function sqlMethodOf(library: LibraryId, method: string): SqlMethod | undefined {
  if (library === knex.id && knexRawMethod.test(method)) return knexRaw;
  const methods = sqlMethodsOf(library);
  return methods && Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
}

/** The placeholder style a library's SQL methods take, when they agree on one. */
export function sqlPlaceholderOf(library: LibraryId): PlaceholderStyle | undefined {
  const styles = new Set(Object.values(sqlMethodsOf(library) ?? {}).map((m) => m.placeholder));
  return styles.size === 1 ? [...styles][0] : undefined;
}

/** A method that runs SQL on a receiver Vigil cannot identify, by its name alone. */
export function unknownReceiverSqlMethod(method: string): SqlMethod | undefined {
  return Object.prototype.hasOwnProperty.call(unknownReceiverSqlMethods, method) ? unknownReceiverSqlMethods[method] : undefined;
}

/** Whether calling `name` on a value of `library` defines a model (`mongoose.model`, `sequelize.define`). */
export function definesModel(library: LibraryId | undefined, name: string | undefined): boolean {
  return name !== undefined && (ownOrm(library)?.modelDefinitions?.includes(name) ?? false);
}

/** Whether a class extending an export of `library` is a model. */
export function isModelBaseLibrary(library: LibraryId | undefined): boolean {
  return ownOrm(library)?.modelBaseClass === true;
}

/** Every SQL-text method name of any library. */
export const sqlMethodNames: ReadonlySet<string> = new Set([
  ...Object.values(sqlDriverMethods).flatMap((m) => Object.keys(m ?? {})),
  ...Object.values(orms).flatMap((o) => Object.keys(o.sqlMethods ?? {})),
]);

/** The write kind of `method` in any of these ORMs' tables (the first that has it). */
export function writeKindIn(ormIds: readonly OrmId[], method: string): WriteKind | undefined {
  for (const id of ormIds) {
    const writes = orms[id].writeMethods;
    if (writes && Object.prototype.hasOwnProperty.call(writes, method)) return writes[method];
  }
  return undefined;
}
