import * as assert from 'node:assert/strict';
import { buildFacts } from '../../server/src/core/facts/facts';
import { parse } from '../../server/src/core/parse';
import { exportedValues } from '../../server/src/core/project/exported-values';
import { expressionAt, factsOf } from '../harness/facts-of';

function valuesOf(text: string, fileName = 'file.ts'): Record<string, unknown> {
  return exportedValues(factsOf(text, fileName));
}

describe('project summary: which exports of a module are database handles', () => {
  it('a Mongoose model exported whole, through an assignment chain', () => {
    const text = "const mongoose = require('mongoose');\nconst UserSchema = new mongoose.Schema({});\nmodule.exports = User = mongoose.model('user', UserSchema);";
    assert.deepEqual(valuesOf(text, 'User.js'), { default: { kind: 'library', library: 'mongoose', module: 'mongoose', exportName: 'model', isModule: false } });
  });

  it('the Next.js model idiom: the cached model or a new one, the new one preferred', () => {
    const text = "import mongoose, { Schema } from 'mongoose';\nconst s = new Schema({});\nexport default mongoose.models.Post || mongoose.model('Post', s);";
    assert.deepEqual(valuesOf(text), { default: { kind: 'library', library: 'mongoose', module: 'mongoose', exportName: 'model', isModule: false } });
  });

  it('a Prisma client kept on globalThis, exported by name and as default', () => {
    const text = "import { PrismaClient } from '@prisma/client';\nconst g = globalThis as unknown as { prisma?: PrismaClient };\nexport const prisma = g.prisma ?? new PrismaClient();\nexport default prisma;";
    const values = valuesOf(text);
    assert.equal((values.prisma as { library: string }).library, 'prisma');
    assert.equal((values.default as { isModule: boolean }).isModule, false);
  });

  it('a Sequelize model class and a defined model', () => {
    assert.deepEqual(valuesOf("const { Model } = require('sequelize');\nclass Order extends Model {}\nmodule.exports = Order;"), {
      default: { kind: 'library', library: 'sequelize', module: 'sequelize', exportName: 'Model', isModule: false },
    });
    assert.deepEqual(valuesOf("export class Order extends Model {}\nimport { Model } from 'sequelize';"), {
      Order: { kind: 'library', library: 'sequelize', module: 'sequelize', exportName: 'Model', isModule: false },
    });
  });

  it('values made from other modules of the project; re-exports are left to the index', () => {
    assert.deepEqual(valuesOf("const db = require('../db');\nmodule.exports = db.define('Order', {});"), {
      default: { kind: 'made', module: '../db', exportName: 'define' },
    });
    assert.deepEqual(valuesOf("import { Base } from './base';\nexport default class Order extends Base {}"), { default: { kind: 'made', module: './base', exportName: 'Base' } });
    assert.deepEqual(valuesOf("module.exports = { User: require('./User') };\nexport { default as Post } from './Post';"), {});
  });

  it('records nothing for functions, plain objects, other libraries and whole namespaces', () => {
    assert.deepEqual(valuesOf("const axios = require('axios');\nmodule.exports = { client: axios.create(), f() {}, n: 1 };"), {});
    assert.deepEqual(valuesOf("import * as models from './models';\nexport default models;"), {});
    assert.deepEqual(valuesOf('export function find() { return 1; }\nexport const limit = 10;'), {});
  });
});

describe('facts: what the project says of an imported module', () => {
  const mongooseModel = { library: 'mongoose' as const, module: 'mongoose', exportName: 'model', isModule: false };
  const projectExports = (module: string, exportName: string | undefined) => (module === '../models/User' && exportName === undefined ? mongooseModel : undefined);

  it('a required model is the library the project says it is', () => {
    const facts = buildFacts(parse("const User = require('../models/User');\nUser.find;", 'a.js'), 'a.js', undefined, projectExports);
    assert.equal(facts.libraryOf(expressionAt(facts, 'User'))?.library, 'mongoose');
    assert.equal(facts.ownLibraryOf(expressionAt(facts, 'User'))?.module, '../models/User');
  });

  it('a namespace import is not the default export, and an unknown module stays the project module', () => {
    const facts = buildFacts(parse("import * as User from '../models/User';\nimport db from './db';\nUser;\ndb;", 'a.ts'), 'a.ts', undefined, projectExports);
    assert.equal(facts.libraryOf(expressionAt(facts, 'User'))?.library, undefined);
    assert.equal(facts.libraryOf(expressionAt(facts, 'db'))?.module, './db');
  });
});
