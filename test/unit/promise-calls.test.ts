import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { promiseCallOf, PromiseCall } from '../../server/src/core/facts/promise-calls';
import { expressionAt, factsOf } from '../harness/facts-of';

/** What `promiseCallOf` says of the call written as `snippet` in `code`. */
function promiseOf(code: string, snippet: string, fileName = 'a.ts'): Omit<PromiseCall, 'call'> | undefined {
  const facts = factsOf(code, fileName);
  const call = expressionAt(facts, snippet);
  assert.ok(ts.isCallExpression(call), `${snippet} is a call`);
  const found = promiseCallOf(call, facts);
  return found && { source: found.source, writes: found.writes, lazy: found.lazy };
}

describe('promise-calls', () => {
  const cases: [string, string, Omit<PromiseCall, 'call'> | undefined][] = [
    ['async function saveUser() {} saveUser()', 'saveUser()', { source: 'local', writes: true, lazy: false }],
    ['const load = async () => 1; load()', 'load()', { source: 'local', writes: false, lazy: false }],
    ['function f(): Promise<void> { return Promise.resolve(); } f()', 'f()', { source: 'local', writes: false, lazy: false }],
    ['function f() {} f()', 'f()', undefined],
    ['class A { async save() {} run() { this.save() } }', 'this.save()', { source: 'local', writes: true, lazy: false }],
    ['class A { save() {} run() { this.save() } }', 'this.save()', undefined],
    ["const util = require('util'); const fs = require('fs'); const read = util.promisify(fs.readFile); read('a')", "read('a')", { source: 'promisified', writes: false, lazy: false }],
    ["fetch('/x', { method: 'POST' })", "fetch('/x', { method: 'POST' })", { source: 'http', writes: true, lazy: false }],
    ["fetch('/x')", "fetch('/x')", { source: 'http', writes: false, lazy: false }],
    ["const fetch = (u) => u; fetch('/x')", "fetch('/x')", undefined],
    ["import axios from 'axios'; axios.post('/x', {})", "axios.post('/x', {})", { source: 'http', writes: true, lazy: false }],
    ["import { writeFile } from 'node:fs/promises'; writeFile('a', 'b')", "writeFile('a', 'b')", { source: 'file', writes: true, lazy: false }],
    ["import * as fs from 'fs'; fs.promises.readFile('a')", "fs.promises.readFile('a')", { source: 'file', writes: false, lazy: false }],
    ["import * as fs from 'fs'; async function f() { (await fs.promises.readFile('a')).toString('base64') }", "(await fs.promises.readFile('a')).toString('base64')", undefined],
    ["import { readFile } from 'fs/promises'; import * as fsp from 'fs/promises'; async function f() { (await fsp.readFile('a')).toString() }", "(await fsp.readFile('a')).toString()", undefined],
    ["import * as fs from 'fs'; fs.readFile('a', () => {})", "fs.readFile('a', () => {})", undefined],
    ["import { Pool } from 'pg'; const pool = new Pool(); pool.query('DELETE FROM t')", "pool.query('DELETE FROM t')", { source: 'database', writes: true, lazy: false }],
    ["import { Pool } from 'pg'; const pool = new Pool(); pool.query('SELECT 1', (e, r) => {})", "pool.query('SELECT 1', (e, r) => {})", undefined],
    ["import mysql from 'mysql'; const c = mysql.createConnection({}); c.query('DELETE FROM t')", "c.query('DELETE FROM t')", undefined],
    ["import mysql from 'mysql2/promise'; const c = mysql.createPool({}); c.execute('SELECT 1')", "c.execute('SELECT 1')", { source: 'database', writes: false, lazy: false }],
    ["import { PrismaClient } from '@prisma/client'; const p = new PrismaClient(); p.user.create({})", 'p.user.create({})', { source: 'database', writes: true, lazy: true }],
    ["import { Repository } from 'typeorm'; class S { constructor(private r: Repository<U>) {} f() { this.r.save(x) } }", 'this.r.save(x)', { source: 'database', writes: true, lazy: false }],
    ["const mongoose = require('mongoose'); const M = mongoose.model('M', s); M.updateOne({}, {})", 'M.updateOne({}, {})', { source: 'database', writes: true, lazy: true }],
    ["const knex = require('knex')({}); knex('t').insert({})", "knex('t').insert({})", { source: 'database', writes: true, lazy: true }],
    ["import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(pool); db.insert(t).values(v)", 'db.insert(t).values(v)', { source: 'database', writes: true, lazy: true }],
    ["import Stripe from 'stripe'; const s = new Stripe('k'); s.customers.create({})", 's.customers.create({})', { source: 'payment', writes: true, lazy: false }],
    ["import Stripe from 'stripe'; const s = new Stripe('k'); s.webhooks.constructEvent(a, b, c)", 's.webhooks.constructEvent(a, b, c)', undefined],
    ["import nodemailer from 'nodemailer'; const t = nodemailer.createTransport({}); t.sendMail({})", 't.sendMail({})', { source: 'mail', writes: true, lazy: false }],
    ["import nodemailer from 'nodemailer'; const t = nodemailer.createTransport({}); t.sendMail({}, () => {})", 't.sendMail({}, () => {})', undefined],
    ["const mailer = require('./mailer'); mailer.sendMail({})", 'mailer.sendMail({})', { source: 'mail', writes: true, lazy: false }],
    ['items.find(x)', 'items.find(x)', undefined],
  ];
  for (const [code, snippet, expected] of cases) {
    it(`${snippet} in ${code.slice(0, 60)}`, () => assert.deepEqual(promiseOf(code, snippet), expected));
  }
});
