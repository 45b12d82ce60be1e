/** Sequelize: model statics (`User.findAll({ where, limit })`) and `sequelize.query(sql, { replacements })`. */
import type { OrmCatalog } from './types';

export const sequelize: OrmCatalog = {
  id: 'sequelize',
  sqlMethods: { query: { values: { kind: 'options', index: 1 }, placeholder: 'named' } },
  queryMethods: {
    findAll: { operation: 'read', rows: 'many', options: 0 },
    findAndCountAll: { operation: 'read', rows: 'many', options: 0 },
    findOne: { operation: 'read', rows: 'one', options: 0 },
    findByPk: { operation: 'read', rows: 'one', options: 1, byKey: true },
    count: { operation: 'read', rows: 'aggregate', options: 0 },
    sum: { operation: 'read', rows: 'aggregate', options: 1 },
    max: { operation: 'read', rows: 'aggregate', options: 1 },
    min: { operation: 'read', rows: 'aggregate', options: 1 },
    create: { operation: 'insert', rows: 'one', options: 1 },
  },
  distinctiveQueryMethods: ['findAll', 'findByPk', 'findAndCountAll'],
  queryOptions: { filterIsArgument: false, limitOption: 'limit', insertTakesList: true },
  writeMethods: { create: 'insert', bulkCreate: 'insert', update: 'update', destroy: 'delete', upsert: 'upsert', increment: 'update', decrement: 'update' },
  rowReadMethods: ['findOne', 'findByPk'],
  distinctiveAccessMethods: ['bulkCreate', 'destroy', 'upsert', 'findByPk', 'increment', 'decrement'],
  promiseApi: {
    reads: ['findAll', 'findOne', 'findByPk', 'findAndCountAll', 'count', 'max', 'min', 'sum', 'authenticate', 'reload', 'sync', 'query'],
    writes: ['create', 'bulkCreate', 'update', 'destroy', 'upsert', 'findOrCreate', 'increment', 'decrement', 'save', 'truncate', 'drop', 'restore', 'transaction'],
    lazy: false,
  },
  modelDefinitions: ['define'],
  modelBaseClass: true,
  batchHint: 'one `findAll` with `[Op.in]`',
  insertHint: '`bulkCreate`',
};
