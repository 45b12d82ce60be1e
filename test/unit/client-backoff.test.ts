import * as assert from 'node:assert/strict';
import { Backoff } from '../../client/src/backoff';

describe('client: restart back-off', () => {
  const policy = { initialMs: 100, maxMs: 500, windowMs: 60_000, maxCrashes: 5 };

  it('doubles the delay with each crash, up to the cap, then gives up', () => {
    const b = new Backoff(policy);
    assert.deepEqual([0, 1, 2, 3].map((i) => b.crashed(i * 1000)), [100, 200, 400, 500]);
    assert.equal(b.crashed(5000), undefined);
    assert.equal(b.count, 5);
  });
  it('forgets crashes older than the window', () => {
    const b = new Backoff(policy);
    b.crashed(0);
    b.crashed(1000);
    assert.equal(b.crashed(120_000), 100);
  });
  it('starts again from the first delay after a manual restart', () => {
    const b = new Backoff(policy);
    for (let i = 0; i < 5; i++) b.crashed(i);
    b.reset();
    assert.equal(b.crashed(10), 100);
  });
});
