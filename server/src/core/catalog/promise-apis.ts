/**
 * Library functions whose result is a promise of a value the caller needs, beyond the I/O calls of
 * facts/promise-calls.ts: password hashing, where an un-awaited result is a security fault rather than a late
 * write. Each returns a promise only when no callback is passed (bcrypt's callback form returns undefined), and
 * none of the `…Sync` twins is listed.
 */
import type { LibraryId } from './types';

/** What the promised value is: a hash to store, the yes/no of a password check, or a salt. */
export type PromisedValue = 'hash' | 'check' | 'salt';

export const passwordHashApis: Readonly<Partial<Record<LibraryId, Readonly<Record<string, PromisedValue>>>>> = {
  bcrypt: { hash: 'hash', compare: 'check', genSalt: 'salt' },
  argon2: { hash: 'hash', verify: 'check' },
  '@node-rs/argon2': { hash: 'hash', verify: 'check' },
  '@node-rs/bcrypt': { hash: 'hash', compare: 'check', verify: 'check', genSalt: 'salt' },
};

/**
 * Read methods of a model imported from the project's own model module (`../models/user`): Mongoose and
 * Sequelize models answer them with a promise (or a Mongoose query, awaited the same way).
 */
export const modelReadMethods: ReadonlySet<string> = new Set(['findOne', 'findById', 'findByPk', 'findAll', 'find', 'findUnique', 'findFirst', 'countDocuments', 'count']);

/** A project module path that holds models: `../models/user`, `@/models`, `./user.model`. */
export const modelModulePath = /(^|[\\/])models?([\\/]|$)|\.model$/;
