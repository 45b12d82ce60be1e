/**
 * Where each ORM's write and instantiation methods take the values they write: an argument, or properties of
 * an options argument (Prisma's `data`). The write calls themselves are recognised by facts/database-writes.ts;
 * this table says which of their arguments carries the record's fields.
 */

export type OrmWithValues = 'prisma' | 'sequelize' | 'mongoose' | 'typeorm' | 'knex' | 'drizzle';

export type ValuesSlot =
  /** The argument at `index` is the record (or an array of records). */
  | { kind: 'argument'; index: number }
  /** Properties `keys` of the object literal at `index` (Prisma `{ where, data }`, upsert's `create`/`update`). */
  | { kind: 'properties'; index: number; keys: readonly string[] }
  /** The next call in the chain takes them (`db.insert(t).values(…)`, `db.update(t).set(…)`). */
  | { kind: 'chained'; method: string };

const first: ValuesSlot = { kind: 'argument', index: 0 };
const second: ValuesSlot = { kind: 'argument', index: 1 };
const prismaData: ValuesSlot = { kind: 'properties', index: 0, keys: ['data'] };

export const ormWriteValues: Readonly<Record<OrmWithValues, Readonly<Record<string, ValuesSlot>>>> = {
  prisma: {
    create: prismaData, createMany: prismaData, createManyAndReturn: prismaData, update: prismaData, updateMany: prismaData,
    updateManyAndReturn: prismaData, upsert: { kind: 'properties', index: 0, keys: ['create', 'update'] },
  },
  sequelize: { create: first, bulkCreate: first, update: first, upsert: first, build: first, set: first },
  mongoose: {
    create: first, insertMany: first, insertOne: first, updateOne: second, updateMany: second, replaceOne: second,
    findOneAndUpdate: second, findByIdAndUpdate: second, findOneAndReplace: second, set: first, overwrite: first,
  },
  // `create` and `merge` only build an entity, but what they build is what `save` then writes.
  typeorm: { save: first, insert: first, update: second, upsert: first, create: first, merge: second },
  knex: { insert: first, update: first, upsert: first },
  drizzle: { insert: { kind: 'chained', method: 'values' }, update: { kind: 'chained', method: 'set' } },
};

/** Methods of a record already read (`doc.set(values)`, Sequelize's `instance.update(values)`) that write values into it. */
export const instanceWriteMethods: Readonly<Record<string, ValuesSlot>> = { set: first, update: first, merge: first };

/** The method an active record is stored with once built (`new Post(values)`, then `post.save()`): Mongoose, Sequelize, TypeORM's BaseEntity. */
export const recordSaveMethods: ReadonlySet<string> = new Set(['save']);
