/**
 * The scan's worker pool with a stand-in worker that doubles numbers and dies on one: every batch is answered or
 * handed back exactly once, the one a dying worker held with its error, and the rest of the queue once no worker
 * is left; a question asked between rounds is answered by one worker, or not at all when it dies.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BatchQueue } from '../../server/src/cli/batch-queue';
import { WorkerPool } from '../../server/src/cli/worker-pool';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', (numbers) => {
  if (numbers.includes(workerData.dieOn)) process.exit(3);
  parentPort.postMessage(numbers.map((n) => n * 2));
});
`;

describe('worker pool', function () {
  this.timeout(60_000);
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-pool-'));
    script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, workerSource);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(workers: number, count: number, dieOn: number) {
    const pool = new WorkerPool<number[], number[]>(script, workers, { dieOn });
    const answered = new Map<number, number>();
    const failed: { batch: number[]; error: Error | undefined }[] = [];
    try {
      // Every item 40 KB: batches of a few items each.
      await pool.run(new BatchQueue(Array.from({ length: count }, (_, index) => ({ index, bytes: 40_000 })), workers), {
        request: (batch) => batch,
        done: (batch, reply) => batch.forEach((n, j) => answered.set(n, reply[j])),
        failed: (batch, error) => failed.push({ batch, error }),
      });
    } finally {
      await pool.close();
    }
    return { answered, failed };
  }

  it('answers every batch on live workers', async () => {
    const { answered, failed } = await run(2, 50, -1);
    assert.equal(failed.length, 0);
    assert.deepEqual([...answered.keys()].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
    for (const [n, doubled] of answered) assert.equal(doubled, n * 2);
  });

  it('hands back the batch of a worker that dies, with why, and the others carry on', async () => {
    const { answered, failed } = await run(2, 50, 7);
    const withError = failed.filter((f) => f.error);
    assert.equal(withError.length, 1);
    assert.ok(withError[0].batch.includes(7));
    assert.match(withError[0].error!.message, /exited with code 3/);
    const handedBack = failed.flatMap((f) => f.batch);
    const all = [...answered.keys(), ...handedBack].sort((a, b) => a - b);
    assert.deepEqual(all, Array.from({ length: 50 }, (_, i) => i), 'every item once');
  });

  it('hands the rest of the queue back without an error when no worker is left', async () => {
    const { answered, failed } = await run(1, 50, 0);
    assert.equal(answered.size, 0);
    assert.equal(failed.filter((f) => f.error).length, 1);
    assert.ok(failed.length > 1);
    assert.deepEqual(failed.flatMap((f) => f.batch).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  });

  it('asks one worker a question between rounds, and answers undefined when it dies or none is left', async () => {
    const pool = new WorkerPool<number[], number[]>(script, 2, { dieOn: 7 });
    try {
      assert.deepEqual(await pool.ask([1, 2]), [2, 4]);
      assert.equal(await pool.ask([7]), undefined);
      assert.deepEqual(await pool.ask([3]), [6], 'the other worker answers');
      assert.equal(await pool.ask([7]), undefined);
      assert.equal(await pool.ask([3]), undefined, 'no worker left');
    } finally {
      await pool.close();
    }
  });
});
