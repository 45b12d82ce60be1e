/** Prisma: `prisma.<model>.<method>({ where, data, take })`, and the `$queryRawUnsafe` escape hatches. */
import type { OrmCatalog } from './types';

export const prisma: OrmCatalog = {
  id: 'prisma',
  sqlMethods: {
    $queryRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
    $executeRawUnsafe: { values: { kind: 'spread', index: 1 }, placeholder: 'tagged' },
  },
  queryMethods: {
    findMany: { operation: 'read', rows: 'many', options: 0 },
    findFirst: { operation: 'read', rows: 'one', options: 0 },
    findFirstOrThrow: { operation: 'read', rows: 'one', options: 0 },
    findUnique: { operation: 'read', rows: 'one', options: 0 },
    findUniqueOrThrow: { operation: 'read', rows: 'one', options: 0 },
    count: { operation: 'read', rows: 'aggregate', options: 0 },
    aggregate: { operation: 'read', rows: 'aggregate', options: 0 },
    groupBy: { operation: 'read', rows: 'aggregate', options: 0 },
    create: { operation: 'insert', rows: 'one', options: 0 },
  },
  distinctiveQueryMethods: ['findUnique', 'findUniqueOrThrow', 'findFirstOrThrow', 'findFirst', 'findMany'],
  queryOptions: { filterIsArgument: false, limitOption: 'take', modelIsClientMember: true },
  writeMethods: {
    create: 'insert', createMany: 'insert', createManyAndReturn: 'insert', update: 'update', updateMany: 'update',
    updateManyAndReturn: 'update', upsert: 'upsert', delete: 'delete', deleteMany: 'delete',
  },
  rowReadMethods: ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow'],
  promiseApi: {
    reads: ['findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'count', 'aggregate', 'groupBy', '$queryRaw', '$queryRawUnsafe', '$connect', '$disconnect'],
    writes: ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany', '$transaction', '$executeRaw', '$executeRawUnsafe'],
    lazy: true,
  },
  batchHint: 'one `findMany` with `{ in: ids }`',
  insertHint: '`createMany`',
};

/** Its tagged-template SQL methods: parameterised by construction. */
export const prismaTags = { write: '$executeRaw', read: '$queryRaw' } as const;
