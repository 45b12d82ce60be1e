/**
 * The library catalogue: what each library's names and methods are (see types.ts). Facts and rules import it
 * from here; each table lives in the file of its library or family.
 */
export type * from './types';
export { isKind, libraryIdOf, libraryKinds, typeNameHints } from './modules';
export { definesModel, isDatabaseHandleLibrary, isDatabaseLibrary, isModelBaseLibrary, orms, ormOf, sqlMethodNames, sqlMethodOf, sqlPlaceholderOf, unknownReceiverSqlMethod, writeKindIn } from './databases';
export { promiseDrivers, sqlEscapers } from './sql-drivers';
export { drizzle, drizzleBuilder } from './drizzle';
export { knex, knexBuilder, knexRaw, knexRawMethod } from './knex';
export { mongoFilterMethods, mongoose, mongooseQueryHelpers } from './mongoose';
export { prisma, prismaTags } from './prisma';
export { sequelize } from './sequelize';
export { typeorm } from './typeorm';
export { connectionFactories, connectionGlobals, connectionLibraries } from './connections';
export type { ConnectionLibrary, ConnectionSecret } from './connections';
export { bodySchemaOptions, nestGlobalGuards, nestPublicRouteDecorator, webFrameworkOf, webFrameworks } from './frameworks';
export { encapsulationBreakers, middlewareKindOf, middlewareModules, pluginLoaders, sessionMiddlewareCalls } from './middleware';
export type { MiddlewareKind } from './middleware';
export { adyen, idempotencyKeyOptions, remoteApiClientNames, stripe } from './payments';
export type { AdyenCatalog, StripeCatalog } from './payments';
export { isDecimalModule } from './decimal-libraries';
export { cryptoJs, digestPackages } from './digests';
export type { CryptoJsCatalog } from './digests';
export { jsonwebtokenGlobalName } from './jwt-libraries';
