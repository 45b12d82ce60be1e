/** The scan pool's work queue: every file once, largest first, batches that shrink as the queue empties. */
import * as assert from 'node:assert/strict';
import { BatchQueue, type SizedItem } from '../../server/src/cli/batch-queue';

function drain(queue: BatchQueue): number[][] {
  const batches: number[][] = [];
  for (let batch = queue.take(); batch.length > 0; batch = queue.take()) batches.push(batch);
  return batches;
}

/** Sizes that vary as a real project's do: a few large files, many small ones (deterministic). */
function projectLike(count: number): SizedItem[] {
  return Array.from({ length: count }, (_, index) => ({ index, bytes: index % 97 === 0 ? 200_000 : 500 + ((index * 7919) % 9000) }));
}

describe('batch queue', () => {
  it('hands out every item exactly once', () => {
    const items = projectLike(1000);
    const taken = drain(new BatchQueue(items, 2)).flat();
    assert.deepEqual([...taken].sort((a, b) => a - b), items.map((i) => i.index));
  });

  it('hands out the largest items first, equal sizes in the given order', () => {
    const items = [{ index: 0, bytes: 10 }, { index: 1, bytes: 30 }, { index: 2, bytes: 20 }, { index: 3, bytes: 30 }];
    assert.deepEqual(drain(new BatchQueue(items, 1)).flat(), [1, 3, 2, 0]);
  });

  it('hands out the items in the given order when asked to', () => {
    const items = [{ index: 2, bytes: 10 }, { index: 0, bytes: 30 }, { index: 3, bytes: 20 }, { index: 1, bytes: 30 }];
    assert.deepEqual(drain(new BatchQueue(items, 1, 'in-order')).flat(), [2, 0, 3, 1]);
  });

  it('cuts early batches large and the last ones small, so the workers finish together', () => {
    const items = projectLike(3000);
    const bytes = new Map(items.map((i) => [i.index, i.bytes]));
    const sizes = drain(new BatchQueue(items, 2)).map((b) => b.reduce((n, i) => n + bytes.get(i)!, 0));
    const total = sizes.reduce((a, b) => a + b, 0);
    assert.ok(sizes.length > 8, `${sizes.length} batches`);
    assert.ok(Math.max(...sizes) <= 512 * 1024, 'no batch above the cap');
    assert.ok(sizes[sizes.length - 1] < total / 100, 'the last batch is a small share of the work');
    const half = Math.floor(sizes.length / 2);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(sizes.slice(0, half)) > mean(sizes.slice(half)), 'batches shrink');
  });

  it('gives a file larger than any batch a batch of its own', () => {
    const batches = drain(new BatchQueue([{ index: 0, bytes: 5 * 1024 * 1024 }, { index: 1, bytes: 100 }], 2));
    assert.deepEqual(batches[0], [0]);
  });

  it('is empty at once for no items', () => {
    const queue = new BatchQueue([], 2);
    assert.equal(queue.isEmpty, true);
    assert.deepEqual(queue.take(), []);
  });
});
