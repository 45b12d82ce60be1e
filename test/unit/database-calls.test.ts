import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { buildFacts } from '../../server/src/core/facts/facts';
import { databaseCallOf } from '../../server/src/core/facts/database-calls';
import { holePosition, looksLikeSqlStatement, skeleton, sqlTextsOf } from '../../server/src/core/facts/sql-text';

/** The database call of the last call expression whose text starts with `marker`. */
function callIn(code: string, marker: string, fileName = 'a.ts') {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const facts = buildFacts(sf, fileName);
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.getText(sf).startsWith(marker)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  assert.ok(found, `no call ${marker}`);
  return { db: databaseCallOf(found, facts), facts };
}

describe('database-calls', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ["import { Pool } from 'pg'; const pool = new Pool(); pool.query('SELECT 1');", 'pool.query', 'pg', 'dollar'],
    ["import { Pool } from 'pg'; const pool = new Pool(); async function f() { const c = await pool.connect(); c.query('x'); }", 'c.query', 'pg', 'dollar'],
    ["import mysql from 'mysql2/promise'; const p = mysql.createPool({}); p.execute('x');", 'p.execute', 'mysql2', 'question'],
    ["const Database = require('better-sqlite3'); const db = new Database('a'); db.prepare('x').get();", 'db.prepare', 'better-sqlite3', 'question'],
    ["import knex from 'knex'; const k = knex({}); k('t').whereRaw('a = 1');", "k('t').whereRaw", 'knex', 'question'],
    ["import { Sequelize } from 'sequelize'; const s = new Sequelize(''); s.query('x');", 's.query', 'sequelize', 'named'],
    ["import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.$queryRawUnsafe('x');", 'p.$queryRawUnsafe', 'prisma', 'tagged'],
    ["import { sql } from 'drizzle-orm'; sql.raw('x');", 'sql.raw', 'drizzle', 'tagged'],
    ["import { DataSource } from 'typeorm'; class S { constructor(private ds: DataSource) {} f() { return this.ds.query('x'); } }", 'this.ds.query', 'typeorm', undefined],
    ["import { db } from './db'; db.query('x');", 'db.query', undefined, undefined],
  ];
  for (const [code, marker, library, placeholder] of cases) {
    it(`knows ${marker} (${library ?? 'unknown receiver'})`, () => {
      const { db } = callIn(code, marker);
      assert.ok(db);
      assert.equal(db.library, library);
      assert.equal(db.placeholder, placeholder);
    });
  }

  it('is not a database call on other libraries or other methods', () => {
    assert.equal(callIn("import axios from 'axios'; axios.get('/x');", 'axios.get').db, undefined);
    assert.equal(callIn("import { Pool } from 'pg'; const pool = new Pool(); pool.end();", 'pool.end').db, undefined);
    assert.equal(callIn("import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(''); db.execute('x');", 'db.execute').db, undefined);
  });
});

describe('sql-text', () => {
  it('follows a const built on an earlier line and reads hole positions', () => {
    const code = "import { db } from './db'; function f(id: string, t: string) { const q = `SELECT * FROM ${t} WHERE id = ${id} AND name = '${id}'`; return db.query(q); }";
    const { db, facts } = callIn(code, 'db.query');
    const [text] = sqlTextsOf(db!.sql, facts);
    assert.equal(text.via, 'const');
    assert.ok(looksLikeSqlStatement(skeleton(text.pieces)));
    assert.deepEqual([1, 3, 5].map((i) => holePosition(text.pieces, i)), ['name', 'value', 'quoted']);
  });

  it('reads list and LIMIT positions', () => {
    const { db, facts } = callIn("import { db } from './db'; declare const a: string, b: string, n: string; db.query(`INSERT INTO t VALUES (${a}, ${b}) LIMIT ${n}`);", 'db.query');
    const [text] = sqlTextsOf(db!.sql, facts);
    assert.deepEqual([1, 3, 5].map((i) => holePosition(text.pieces, i)), ['value', 'value', 'value']);
  });

  it('does not take prose for a statement', () => {
    assert.equal(looksLikeSqlStatement('running select on the users from cache'), false);
    assert.equal(looksLikeSqlStatement('delete from sessions where id = 1'), true);
  });
});
