import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { databaseReadOf, databaseWriteOf, transactionIndex } from '../../server/src/core/facts/database-writes';
import { factsOf } from '../harness/facts-of';

/** The last call whose text starts with `marker`. */
function callAt(code: string, marker: string, fileName = 'a.ts') {
  const facts = factsOf(code, fileName);
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.getText(facts.sourceFile).startsWith(marker)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(facts.sourceFile);
  assert.ok(found, `no call ${marker}`);
  return { call: found, facts };
}

describe('database-writes', () => {
  const writes: [string, string, string, string | undefined, string][] = [
    ["import { Pool } from 'pg'; const pool = new Pool(); pool.query('UPDATE a SET x = 1 WHERE id = $1', [1]);", 'pool.query', 'sql', 'a', 'update'],
    ["import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.order.create({ data: {} });", 'p.order.create', 'prisma', 'order', 'insert'],
    ["import { db } from './db'; db.order.deleteMany({ where: { id: 1 } });", 'db.order.deleteMany', 'prisma', 'order', 'delete'],
    ["const knex = require('knex')({}); knex('seats').where({ id: 1 }).update({ a: 1 });", "knex('seats').where({ id: 1 }).update", 'knex', 'seats', 'update'],
    ["import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(''); db.insert(users).values({});", 'db.insert', 'drizzle', 'users', 'insert'],
    ["import { Order } from './models'; Order.bulkCreate([]);", 'Order.bulkCreate', 'sequelize', 'Order', 'insert'],
    ["import mongoose from 'mongoose'; import { Account } from './models'; Account.updateOne({ _id: 1 }, { $inc: { b: 1 } });", 'Account.updateOne', 'mongoose', 'Account', 'update'],
    ["import { Repository } from 'typeorm'; class S { constructor(private orders: Repository<O>) {} f() { return this.orders.save({}); } }", 'this.orders.save', 'typeorm', 'orders', 'upsert'],
  ];
  for (const [code, marker, orm, target, kind] of writes) {
    it(`knows ${marker} as a ${orm} ${kind}`, () => {
      const { call, facts } = callAt(code, marker);
      const w = databaseWriteOf(call, facts);
      assert.ok(w);
      assert.equal(w.orm, orm);
      assert.equal(w.target, target);
      assert.equal(w.kind, kind);
    });
  }

  const notWrites: [string, string][] = [
    ["const m = new Map(); m.delete('k');", 'm.delete'],
    ["const h = require('crypto').createHash('sha1'); h.update('x');", 'h.update'],
    ['const o = Object.create(null);', 'Object.create'],
    ["import Stripe from 'stripe'; const s = new Stripe(''); s.customers.create({ email: 'a' });", 's.customers.create'],
    ["import { Pool } from 'pg'; const pool = new Pool(); pool.query('SELECT 1 FROM a');", 'pool.query'],
    ["import { Repository } from 'typeorm'; import { User } from './e'; User.create({});", 'User.create'],
    ["class Q { f() { return this.connection.createQueryBuilder().update(t).set({}); } }", 'this.connection.createQueryBuilder().update'],
  ];
  for (const [code, marker] of notWrites) {
    it(`does not take ${marker} for a write`, () => {
      const { call, facts } = callAt(code, marker);
      assert.equal(databaseWriteOf(call, facts), undefined);
    });
  }

  it('knows row reads and their locks', () => {
    const sql = "import { Pool } from 'pg'; const pool = new Pool(); pool.query('SELECT * FROM a WHERE id = $1 FOR UPDATE', [1]);";
    const { call, facts } = callAt(sql, 'pool.query');
    assert.equal(databaseReadOf(call, facts)?.locked, true);
    const prisma = callAt("import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.order.findUnique({ where: { id: 1 } });", 'p.order.findUnique');
    assert.equal(databaseReadOf(prisma.call, prisma.facts)?.locked, false);
  });

  const scopes: [string, string, boolean][] = [
    ["async function f() { await prisma.$transaction(async (tx) => { await tx.a.update({ where: {}, data: {} }); }); }", 'tx.a.update', true],
    ["async function f() { await prisma.$transaction([prisma.a.delete({ where: {} })]); }", 'prisma.a.delete', true],
    ["async function f(c) { const client = await pool.connect(); await client.query('BEGIN'); await client.query('UPDATE a SET b = 1'); }", "client.query('UPDATE", true],
    ["async function f() { await Order.create({}, { transaction: t }); }", 'Order.create', true],
    ["async function f(trx) { await trx('a').insert({}); }", "trx('a').insert", true],
    ["class S { @Transactional() async f() { await this.repo.save({}); } }", 'this.repo.save', true],
    ["async function f() { await pool.query('UPDATE a SET b = 1'); await pool.query('BEGIN'); }", "pool.query('UPDATE", false],
    ["async function f() { await prisma.a.update({ where: {}, data: {} }); }", 'prisma.a.update', false],
  ];
  for (const [code, marker, inside] of scopes) {
    it(`${inside ? 'sees' : 'sees no'} transaction around ${marker}`, () => {
      const { call, facts } = callAt(code, marker);
      const handle = (call.expression as ts.PropertyAccessExpression).expression;
      assert.equal(transactionIndex(facts).inTransaction(call, handle), inside);
    });
  }
});
