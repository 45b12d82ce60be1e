import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';

function libraryAt(source: string, snippet: string): string | undefined {
  const facts = factsOf(source);
  return facts.libraryOf(expressionAt(facts, snippet))?.library;
}

describe('facts: which library a name stands for', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['CommonJS require', "const pg = require('pg'); pg.x;", 'pg', 'pg'],
    ['destructured require', "const { Pool } = require('pg'); const pool = new Pool(); pool.query;", 'pool', 'pg'],
    ['pool.connect() client', "const { Pool } = require('pg'); const pool = new Pool(); async function f() { const client = await pool.connect(); client; }", 'client', 'pg'],
    ['ESM default import', "import knex from 'knex'; const db = knex({}); db;", 'db', 'knex'],
    ['ESM named import', "import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient(); prisma;", 'prisma', 'prisma'],
    ['namespace import', "import * as mysql from 'mysql2/promise'; const conn = await mysql.createConnection({}); conn;", 'conn', 'mysql2'],
    ['node: prefix', "import crypto from 'node:crypto'; crypto;", 'crypto', 'crypto'],
    ['new Sequelize()', "const { Sequelize } = require('sequelize'); const sequelize = new Sequelize('sqlite::memory:'); sequelize;", 'sequelize', 'sequelize'],
    ['TypeORM getManager()', "import { getManager } from 'typeorm'; const m = getManager(); m;", 'm', 'typeorm'],
    ['TypeORM DataSource', "import { DataSource } from 'typeorm'; const ds = new DataSource({}); ds;", 'ds', 'typeorm'],
    ['drizzle()', "import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(pool); db;", 'db', 'drizzle'],
    ['require(...).member', "const Pool = require('pg').Pool; const p = new Pool(); p;", 'p', 'pg'],
    ['constructor-injected service', "import { DataSource } from 'typeorm'; class S { constructor(private ds: DataSource) {} f() { return this.ds; } }", 'this.ds', 'typeorm'],
    ['class field', "const { Pool } = require('pg'); class Repo { pool = new Pool(); f() { return this.pool; } }", 'this.pool', 'pg'],
    ['typed parameter by type name', 'function f(prisma: PrismaService) { return prisma; }', 'prisma', 'prisma'],
    ['local module is no library we know', "import { db } from './db'; db;", 'db', undefined],
    ['unknown package is no library we know', "import lib from 'left-pad'; lib;", 'lib', undefined],
    ['undeclared global', 'db.query;', 'db', undefined],
    ['shadowed by a parameter', "const pg = require('pg'); function f(pg) { return pg; }", 'pg', undefined],
  ];
  for (const [name, source, snippet, library] of cases) {
    it(name, () => assert.equal(libraryAt(source, snippet), library));
  }

  it('keeps the module of a library it does not know', () => {
    const facts = factsOf("import { db } from './db'; db;");
    assert.equal(facts.libraryOf(expressionAt(facts, 'db'))?.module, './db');
  });

  it('keeps the export name of a named import', () => {
    const facts = factsOf("import { SignJWT } from 'jose'; new SignJWT({});");
    assert.equal(facts.libraryOf(expressionAt(facts, 'SignJWT'))?.exportName, 'SignJWT');
  });

  it('does not loop on self-referencing declarations', () => {
    assert.equal(libraryAt('let db = db || connect(); db;', 'db'), undefined);
  });

  it('lists imports and requires', () => {
    const facts = factsOf("import a from 'express'; const b = require('bcryptjs'); async function f() { await import('x'); }");
    assert.deepEqual(facts.imports.map((i) => i.library), ['express', 'bcrypt']);
    assert.ok(facts.importsLibrary('bcrypt'));
  });
});
