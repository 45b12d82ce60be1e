import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { buildFacts } from '../../server/src/core/facts/facts';
import { DatabaseQuery, databaseQueryOf } from '../../server/src/core/facts/database-reads';
import { enclosingLoops, isBoundedConstantLoop } from '../../server/src/core/facts/loops';

function parse(code: string, fileName = 'a.ts') {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  return { sf, facts: buildFacts(sf, fileName) };
}

/** The query answered at the last outermost call in `code`. */
function queryIn(code: string): DatabaseQuery | undefined {
  const { sf, facts } = parse(code);
  let found: DatabaseQuery | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) found = databaseQueryOf(n, facts) ?? found;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function callNamed(sf: ts.SourceFile, marker: string): ts.CallExpression {
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.getText(sf).startsWith(marker)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  assert.ok(found, marker);
  return found;
}

describe('database-reads', () => {
  const pg = "import { Pool } from 'pg'; const pool = new Pool();";
  const cases: [string, string, Partial<DatabaseQuery>][] = [
    ['pg select', `${pg} pool.query('SELECT * FROM users');`, { style: 'sql', library: 'pg', operation: 'read', rows: 'many', filtered: false, limited: false, target: 'users' }],
    ['pg filtered', `${pg} pool.query('SELECT * FROM users WHERE id = $1', [1]);`, { rows: 'many', filtered: true }],
    ['pg limit 1', `${pg} pool.query('SELECT * FROM users ORDER BY id LIMIT 1');`, { rows: 'one', limited: true, paged: false }],
    ['pg page', `${pg} pool.query('SELECT * FROM users LIMIT $1 OFFSET $2', [a, b]);`, { limited: true, paged: true }],
    ['pg count', `${pg} pool.query('SELECT count(*) FROM users');`, { rows: 'aggregate' }],
    ['pg any', `${pg} pool.query('SELECT * FROM users WHERE id = ANY($1)', [ids]);`, { batched: true }],
    ['pg insert', `${pg} pool.query('INSERT INTO t (a) VALUES ($1)', [a]);`, { operation: 'insert', batched: false }],
    ['prisma findMany', "import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.user.findMany({ take: 10 });", { style: 'prisma', library: 'prisma', rows: 'many', limited: true, paged: true }],
    ['prisma findUnique', "import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.user.findUnique({ where: { id } });", { rows: 'one', filtered: true }],
    ['prisma in', 'prisma.user.findMany({ where: { id: { in: ids } } });', { style: 'prisma', library: undefined, batched: true }],
    ['sequelize', 'User.findAll();', { style: 'sequelize', rows: 'many', filtered: false }],
    ['sequelize Op.in', 'User.findAll({ where: { id: { [Op.in]: ids } } });', { batched: true }],
    ['typeorm', "import { Repository } from 'typeorm'; function f(r: Repository<U>) { return r.findOneBy({ id: 1 }); }", { style: 'typeorm', rows: 'one', filtered: true }],
    ['typeorm manager', "import { EntityManager } from 'typeorm'; function f(m: EntityManager) { return m.find(User, { take: 5 }); }", { style: 'typeorm', limited: true, target: 'User' }],
    ['mongoose chain', "import mongoose from 'mongoose'; const M = mongoose.model('M', s); M.find({}).limit(20).lean();", { style: 'mongoose', filtered: false, limited: true }],
    ['mongoose $in', "import mongoose from 'mongoose'; const M = mongoose.model('M', s); M.find({ _id: { $in: ids } });", { batched: true, filtered: true }],
    ['knex first', "import knex from 'knex'; const db = knex({}); db('users').where({ id }).first();", { style: 'knex', rows: 'one', filtered: true, target: 'users' }],
    ['knex whereIn', "import knex from 'knex'; const db = knex({}); db('users').whereIn('id', ids);", { batched: true }],
    ['drizzle', "import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(''); db.select().from(users).limit(10);", { style: 'drizzle', limited: true, filtered: false, target: 'users' }],
  ];
  for (const [name, code, expected] of cases) {
    it(`reads ${name}`, () => {
      const q = queryIn(code);
      assert.ok(q, 'a query');
      for (const [k, v] of Object.entries(expected)) assert.equal((q as unknown as Record<string, unknown>)[k], v, k);
    });
  }

  it('is not a query for array methods, other libraries or inner links of a chain', () => {
    assert.equal(queryIn('items.find((i) => i.id === 1);'), undefined);
    assert.equal(queryIn("import axios from 'axios'; axios.get('/users');"), undefined);
    const { sf, facts } = parse("import knex from 'knex'; const db = knex({}); db('users').where({ id }).first();");
    assert.equal(databaseQueryOf(callNamed(sf, "db('users').where({ id })"), facts), undefined);
  });
});

describe('loops', () => {
  it('finds for-of, callbacks and stops at a function defined in the loop', () => {
    const { sf } = parse('for (const o of orders) { q(o); items.map((i) => q(i)); app.get(p, () => q(p)); }');
    assert.deepEqual(enclosingLoops(callNamed(sf, 'q(o)')).map((l) => [l.kind, l.item]), [['for-of', 'o']]);
    assert.deepEqual(enclosingLoops(callNamed(sf, 'q(i)')).map((l) => l.kind), ['callback', 'for-of']);
    assert.deepEqual(enclosingLoops(callNamed(sf, 'q(p)')), []);
  });

  it('knows bounded constant loops', () => {
    const { sf, facts } = parse('const N = 3; for (let i = 0; i < N; i++) q(i); for (let j = 0; j < xs.length; j++) q(j); for (const t of ["a", "b"]) q(t);');
    assert.equal(isBoundedConstantLoop(enclosingLoops(callNamed(sf, 'q(i)'))[0], facts), true);
    assert.equal(isBoundedConstantLoop(enclosingLoops(callNamed(sf, 'q(j)'))[0], facts), false);
    assert.equal(isBoundedConstantLoop(enclosingLoops(callNamed(sf, 'q(t)'))[0], facts), true);
  });
});
