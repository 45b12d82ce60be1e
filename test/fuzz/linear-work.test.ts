/**
 * Pathological documents cost work in proportion to their size. Measured without a clock: every read of a node's
 * `parent` is counted (the climbs towards the root are what turned an `else if` chain of 4,000 branches into a
 * minute and a half), and doubling the chain must about double the count. A rule or fact that climbs from every
 * node to the top again, or compares every pair of statements, makes it grow four times.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyze } from '../../server/src/core/analyze';
import type { Rule } from '../../server/src/core/rule';
import { rules } from '../../server/src/core/registry';

/** An `else if` chain of `n` branches, each reading a row, checking it, writing it and running a query. */
function elseIfChain(n: number): string {
  const branch = (i: number): string =>
    `if (req.body.a === ${i}) { const u = await db.user.findUnique({ where: { id: req.body.id } }); if (u.status === 'open') await db.user.update({ where: { id: u.id }, data: { status: 'closed' } }); await pool.query('SELECT * FROM t WHERE id = ' + req.body.id); }`;
  return `const { Pool } = require('pg');\nconst pool = new Pool();\napp.post('/x', async (req, res) => {\n${Array.from({ length: n }, (_, i) => branch(i)).join(' else ')}\n});\n`;
}

/** A node class of TypeScript's, in the one form (`any[]` arguments) that a class may extend generically. */
type NodeClass = new (...args: any[]) => ts.Node;

interface Allocator {
  getNodeConstructor(): NodeClass;
  getTokenConstructor(): NodeClass;
  getIdentifierConstructor(): NodeClass;
  getPrivateIdentifierConstructor(): NodeClass;
  getSourceFileConstructor(): NodeClass;
}

/** TypeScript's internal hooks for the classes its parser makes nodes of (present since 2.x, not in its typings). */
const internals = ts as unknown as { objectAllocator: Allocator; setObjectAllocator(allocator: Allocator): void };

/** Runs `work` with every node parsed meanwhile counting the reads of its `parent`; returns the count. */
function countParentReads(work: () => void): number {
  const original = internals.objectAllocator;
  let reads = 0;
  const counting = <C extends NodeClass>(Base: C): C => {
    const Counting = class extends Base {};
    const stored = new WeakMap<object, unknown>();
    Object.defineProperty(Counting.prototype, 'parent', {
      get(this: object) {
        reads++;
        return stored.get(this);
      },
      set(this: object, value: unknown) {
        stored.set(this, value);
      },
    });
    return Counting;
  };
  const node = counting(original.getNodeConstructor());
  const token = counting(original.getTokenConstructor());
  const identifier = counting(original.getIdentifierConstructor());
  const privateIdentifier = counting(original.getPrivateIdentifierConstructor());
  const sourceFile = counting(original.getSourceFileConstructor());
  internals.setObjectAllocator({
    ...original,
    getNodeConstructor: () => node,
    getTokenConstructor: () => token,
    getIdentifierConstructor: () => identifier,
    getPrivateIdentifierConstructor: () => privateIdentifier,
    getSourceFileConstructor: () => sourceFile,
  });
  try {
    work();
  } finally {
    internals.setObjectAllocator(original);
  }
  return reads;
}

/** How much more work twice the chain takes: about 2 when the analysis is linear in it. */
function growth(selected: readonly Rule[]): number {
  const [small, large] = [150, 300].map((n) => {
    const text = elseIfChain(n);
    return countParentReads(() => analyze({ text, fileName: '/project/src/routes.js', budgetMs: Infinity }, selected));
  });
  return large / small;
}

describe('fuzz: pathological documents cost work in proportion to their size', function () {
  this.timeout(120_000);

  it('an else-if chain twice as long costs about twice the parent climbs, with every rule on', () => {
    const all = growth(rules);
    if (all < 2.4) return;
    const offenders = rules.map((r) => `${r.meta.id} ×${growth([r]).toFixed(2)}`).filter((s) => Number(s.split('×')[1]) >= 2.4);
    assert.fail(`twice the chain costs ×${all.toFixed(2)} the parent reads; per rule: ${offenders.join(', ')}`);
  });
});
