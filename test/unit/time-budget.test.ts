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
