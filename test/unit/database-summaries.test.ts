import * as assert from 'node:assert/strict';
import { exportedFunctions } from '../../server/src/core/facts/exported-functions';
import { databaseSummaries } from '../../server/src/core/project/database-summaries';
import type { ExportSummary } from '../../server/src/core/project/export-summary';
import { type HelperEffect, importedHandle, importedHashing, importedQuery, importedWrite } from '../../server/src/core/project/project-database';
import type { ResolvedExport } from '../../server/src/core/project/project-facts';
import { factsOf } from '../harness/facts-of';

function summaries(text: string, fileName = 'src/models/accounts.js'): Record<string, ExportSummary> {
  const facts = factsOf(text, fileName);
  return databaseSummaries(facts, exportedFunctions(facts.sourceFile, facts));
}

describe('project summary: what exported functions do to the database and to passwords', () => {
  const dao = [
    "const db = require('../db');",
    "exports.findByEmail = async (email) => (await db.query('SELECT * FROM accounts WHERE email = $1', [email])).rows[0];",
    "exports.findAll = async (emails) => (await db.query('SELECT * FROM accounts WHERE email = ANY($1)', [emails])).rows;",
    "exports.markPaid = async (id) => db.query(\"UPDATE orders SET status = 'paid' WHERE id = $1\", [id]);",
    "exports.settle = (id) => db.transaction(async (tx) => { await tx.query('UPDATE orders SET paid = true WHERE id = $1', [id]); });",
    "exports.label = (a) => a.name;",
  ].join('\n');

  it('a per-item query the parameters reach, with where it is', () => {
    assert.deepEqual(summaries(dao).findByEmail.query, { text: 'db.query', operation: 'read', style: 'sql', line: 2 });
  });
  it('no per-item query for a set-based one, nor for a function that runs none', () => {
    const s = summaries(dao);
    assert.equal(s.findAll?.query, undefined);
    assert.equal(s.label, undefined);
  });
  it('a write outside a transaction, and none for one inside its own', () => {
    const s = summaries(dao);
    assert.deepEqual(s.markPaid.writes, { target: 'orders', line: 4 });
    assert.equal(s.settle?.writes, undefined);
  });
  it('the parameters hashed with a fast digest', () => {
    const s = summaries("const crypto = require('crypto');\nexport function digest(text) {\n  return crypto.createHash('md5').update(text).digest('hex');\n}", 'src/lib/crypto-utils.js');
    assert.deepEqual(s.digest.hashes, { parameters: [0], algorithm: 'MD5', line: 3 });
  });
  it('nothing for test files', () => {
    assert.deepEqual(summaries(dao, 'test/helpers.js'), {});
  });
});

describe('project summary: composed across files', () => {
  /** A project of summaries by file, each export's specifier resolved by its file name alone. */
  function lookup(files: Record<string, Record<string, ExportSummary>>) {
    return (_from: string, specifier: string, name: string): ResolvedExport | undefined => {
      const file = specifier.replace(/^.*\//, '');
      const summary = files[file]?.[name === '' ? 'default' : name];
      return summary ? { summary, file, name } : undefined;
    };
  }
  const model = { handle: { kind: 'library' as const, library: 'sequelize' as const, module: 'sequelize', exportName: 'Model', isModule: false } };

  it('a model made from the client of another module is that library\'s', () => {
    const files = { db: { default: { handle: { kind: 'library' as const, library: 'sequelize' as const, module: 'sequelize', isModule: false } } }, Order: { default: { handle: { kind: 'made' as const, module: './db', exportName: 'define' } } } };
    assert.deepEqual(importedHandle(lookup(files), 'a', './Order', undefined), { library: 'sequelize', module: 'sequelize', isModule: false });
  });
  it('a member of an exported Prisma client is the client\'s; a member of a model is not looked for', () => {
    const prisma = { db: { default: { handle: { kind: 'library' as const, library: 'prisma' as const, module: '@prisma/client', exportName: 'PrismaClient', isModule: false } } } };
    assert.equal(importedHandle(lookup(prisma), 'a', '@/lib/db', 'user')?.library, 'prisma');
    assert.equal(importedHandle(lookup({ User: { default: model } }), 'a', './User', 'find'), undefined);
  });
  it('stops after three files', () => {
    const chain = { a: { default: { handle: { kind: 'made' as const, module: './b' } } }, b: { default: { handle: { kind: 'made' as const, module: './c' } } }, c: { default: { handle: { kind: 'made' as const, module: './d' } } }, d: { default: model } };
    assert.equal(importedHandle(lookup(chain), 'x', './a', undefined), undefined);
    assert.equal(importedHandle(lookup(chain), 'x', './c', undefined)?.library, 'sequelize');
  });
  it('a helper passing its parameter on to another module\'s helper runs its query and hashes with its digest', () => {
    const files = {
      accounts: { findByEmail: { query: { text: 'db.query', operation: 'read' as const, style: 'sql' as const, line: 6 }, writes: { line: 9 } } },
      crypto: { digest: { hashes: { parameters: [0], algorithm: 'MD5', line: 5 } } },
      owners: {
        ownerOf: { forwards: [{ parameter: 0, specifier: './accounts', name: 'findByEmail', argument: 0, kinds: ['sql' as const], line: 3 }] },
        fingerprint: { forwards: [{ parameter: 1, specifier: './crypto', name: 'digest', argument: 0, kinds: ['sql' as const], line: 4 }] },
        salted: { forwards: [{ parameter: 0, specifier: './crypto', name: 'digest', argument: 1, kinds: ['sql' as const], line: 5 }] },
      },
    } as unknown as Record<string, Record<string, ExportSummary>>;
    const effect = <T>(e: HelperEffect<T> | undefined): unknown => e && { ...e };
    assert.deepEqual(effect(importedQuery(lookup(files), 'r', './owners', 'ownerOf')), { effect: files.accounts.findByEmail.query, file: 'accounts' });
    assert.deepEqual(effect(importedWrite(lookup(files), 'r', './owners', 'ownerOf')), { effect: { line: 9 }, file: 'accounts' });
    assert.deepEqual(effect(importedHashing(lookup(files), 'r', './owners', 'fingerprint')), { effect: { parameters: [1], algorithm: 'MD5', line: 5 }, file: 'crypto' });
    assert.equal(importedHashing(lookup(files), 'r', './owners', 'salted'), undefined);
  });
});
