/** TypeORM: repositories and the entity manager (`repo.find({ where, take })`, `manager.find(User, …)`), and `query(sql, [..])`. */
import type { OrmCatalog } from './types';

export const typeorm: OrmCatalog = {
  id: 'typeorm',
  sqlMethods: { query: { values: { kind: 'array', index: 1 }, placeholder: undefined } },
  queryMethods: {
    find: { operation: 'read', rows: 'many', options: 0 },
    findBy: { operation: 'read', rows: 'many', options: 0 },
    findAndCount: { operation: 'read', rows: 'many', options: 0 },
    findAndCountBy: { operation: 'read', rows: 'many', options: 0 },
    findOne: { operation: 'read', rows: 'one', options: 0 },
    findOneBy: { operation: 'read', rows: 'one', options: 0 },
    findOneOrFail: { operation: 'read', rows: 'one', options: 0 },
    findOneByOrFail: { operation: 'read', rows: 'one', options: 0 },
    count: { operation: 'read', rows: 'aggregate', options: 0 },
    countBy: { operation: 'read', rows: 'aggregate', options: 0 },
    insert: { operation: 'insert', rows: 'one', options: 0 },
  },
  distinctiveQueryMethods: ['findBy', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'countBy'],
  // `findBy(filter)`: the `…By` methods take the filter itself; the others an options object.
  queryOptions: {
    filterIsArgument: /By$|ByOrFail$/,
    limitOption: 'take',
    entityFirst: true,
    optionKeys: ['select', 'where', 'relations', 'relationLoadStrategy', 'join', 'order', 'cache', 'lock', 'withDeleted', 'loadRelationIds', 'loadEagerRelations', 'transaction', 'skip', 'take', 'comment'],
  },
  writeMethods: {
    save: 'upsert', insert: 'insert', update: 'update', delete: 'delete', remove: 'delete', softDelete: 'delete', softRemove: 'delete',
    increment: 'update', decrement: 'update', upsert: 'upsert', restore: 'update',
  },
  filterFirstWrites: ['update'],
  rowReadMethods: ['findOne', 'findOneBy', 'findOneByOrFail', 'findOneOrFail'],
  promiseApi: {
    reads: ['find', 'findOne', 'findOneBy', 'findBy', 'findAndCount', 'findOneOrFail', 'findOneByOrFail', 'count', 'exists', 'exist', 'query', 'initialize', 'getMany', 'getOne', 'getRawMany', 'getRawOne', 'getCount', 'getManyAndCount'],
    writes: ['save', 'remove', 'insert', 'update', 'delete', 'softDelete', 'softRemove', 'restore', 'upsert', 'increment', 'decrement', 'clear', 'transaction', 'execute'],
    lazy: false,
  },
  batchHint: 'one `find` with `In(ids)`',
  insertHint: 'one `insert` of an array',
};
