/**
 * Mongoose and the MongoDB driver: model and collection methods whose argument is the filter itself
 * (`User.find({ status })`), with query helpers chained after (`.limit(10).lean()`).
 */
import type { OrmCatalog } from './types';

/** Query helpers chained after a Mongoose model call. */
export const mongooseQueryHelpers = /^(lean|exec|populate|select|sort|limit|skip|where|equals|in|gt|gte|lt|lte|orFail|session|hint|collation|batchSize|cursor)$/;

/** Model and collection methods (Mongoose and the MongoDB driver) whose first argument is a query filter. */
export const mongoFilterMethods: ReadonlySet<string> = new Set([
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'updateOne', 'updateMany',
  'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'exists', 'remove', 'where', 'distinct', 'aggregate',
]);

export const mongoose: OrmCatalog = {
  id: 'mongoose',
  queryMethods: {
    find: { operation: 'read', rows: 'many', options: 0 },
    findOne: { operation: 'read', rows: 'one', options: 0 },
    findById: { operation: 'read', rows: 'one', options: 0 },
    countDocuments: { operation: 'read', rows: 'aggregate', options: 0 },
    estimatedDocumentCount: { operation: 'read', rows: 'aggregate', options: 0 },
    aggregate: { operation: 'read', rows: 'aggregate', options: 0 },
    distinct: { operation: 'read', rows: 'aggregate', options: 1 },
    create: { operation: 'insert', rows: 'one', options: 0 },
  },
  distinctiveQueryMethods: ['findById', 'countDocuments', 'estimatedDocumentCount'],
  queryOptions: { filterIsArgument: true, chainedHelpers: mongooseQueryHelpers, insertTakesList: true },
  writeMethods: {
    create: 'insert', insertMany: 'insert', insertOne: 'insert', updateOne: 'update', updateMany: 'update', replaceOne: 'update',
    findOneAndUpdate: 'update', findByIdAndUpdate: 'update', findOneAndReplace: 'update', findOneAndDelete: 'delete',
    findByIdAndDelete: 'delete', findByIdAndRemove: 'delete', findOneAndRemove: 'delete', deleteOne: 'delete', deleteMany: 'delete', bulkWrite: 'update',
  },
  rowReadMethods: ['findOne', 'findById'],
  // `updateMany` and `deleteMany` are Prisma's too.
  distinctiveAccessMethods: ['insertMany', 'insertOne', 'updateOne', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'findByIdAndDelete', 'findByIdAndRemove', 'findOneAndRemove', 'deleteOne', 'bulkWrite'],
  promiseApi: {
    reads: ['find', 'findOne', 'findById', 'countDocuments', 'estimatedDocumentCount', 'exists', 'aggregate', 'connect', 'exec'],
    writes: ['create', 'insertMany', 'save', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findByIdAndUpdate', 'findByIdAndDelete', 'bulkWrite'],
    // These return a real promise; every other method a lazy Query.
    lazy: { except: ['create', 'insertMany', 'save', 'bulkWrite', 'connect', 'exec'] },
    onModule: true,
  },
  modelDefinitions: ['model'],
  batchHint: 'one `find` with `$in`',
  insertHint: '`insertMany`',
};
