/**
 * The analysis's time budget is CPU time: waiting for the CPU spends none of it. A rule's own loop can ask for
 * it and stop, and the result then says the file was only partly analysed, keeping what was reported.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import type { Rule } from '../../server/src/core/rule';
import { rules } from '../../server/src/core/registry';
import { TimeBudget, cpuMs } from '../../server/src/core/time-budget';

/** Blocks the thread for `ms` of wall time without using the CPU (as a starved process waits). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function spinFor(ms: number): void {
  const until = cpuMs() + ms;
  while (cpuMs() < until);
}

describe('time budget', () => {
  it('is not spent by waiting, only by working, and stays spent', () => {
    const budget = new TimeBudget(100);
    sleep(300);
    assert.equal(budget.exceeded(), false);
    spinFor(150);
    assert.equal(budget.exceeded(), true);
    assert.equal(budget.wasExceeded, true);
  });

  it('starts budgets begun together from one reading of the CPU clock, and each is still spent by its own work', function () {
    // Node 23.9+ reads the thread's own clock, which this test cannot count.
    if ('threadCpuUsage' in process) this.skip();
    const read = process.cpuUsage;
    let reads = 0;
    process.cpuUsage = (previous?: NodeJS.CpuUsage) => {
      reads++;
      return read.call(process, previous);
    };
    try {
      const budgets = Array.from({ length: 20 }, () => new TimeBudget(5_000));
      assert.ok(reads <= 1, `${reads} reads`);
      const short = new TimeBudget(100);
      spinFor(150);
      sleep(100);
      assert.equal(short.exceeded(), true);
      assert.ok(budgets.every((b) => !b.exceeded()));
    } finally {
      process.cpuUsage = read;
    }
  });

  it('a rule that stops its own loop for time leaves the result marked partly analysed, with what it reported', () => {
    const slow: Rule = {
      meta: { ...rules[0].meta, id: 'slow-rule' },
      create: (context) => ({
        CallExpression(call) {
          context.report({ at: call, message: 'a call' });
        },
        end() {
          while (!context.outOfTime()) spinFor(5);
        },
      }),
    };
    const result = analyze({ text: 'f();\n', fileName: 'a.js', budgetMs: 50 }, [slow]);
    assert.match(result.incomplete ?? '', /partly analysed: stopped after 0.05 s of CPU time/);
    assert.deepEqual(result.findings.map((f) => f.message), ['a call']);
  });
});
