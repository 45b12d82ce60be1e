/**
 * The work queue of a scan's worker pool. Files are handed out largest first, so that no large file is left for
 * the end while the other workers idle (or in the order given, when that order matters more), in batches that
 * shrink as the queue empties (guided self-scheduling): each batch holds about a share of what remains, so early
 * batches are large and few messages cross, and the last ones are a few small files, which the workers finish at
 * nearly the same time.
 */

/** How many batches each worker's share of the remaining bytes is cut into. */
const batchesPerShare = 4;
/** A batch is at most this many bytes of source (a large one keeps the progress line moving) … */
const maxBatchBytes = 512 * 1024;
/** … and at least this many, so that a worker does not wait on a message after every small file. */
const minBatchBytes = 16 * 1024;

export interface SizedItem {
  /** The item's index in the caller's list. */
  index: number;
  bytes: number;
}

export class BatchQueue {
  private readonly items: SizedItem[];
  private next = 0;
  private remainingBytes: number;

  constructor(
    items: readonly SizedItem[],
    private readonly workers: number,
    order: 'largest-first' | 'in-order' = 'largest-first',
  ) {
    // Largest first; equal sizes in the caller's order, so that every run hands out the same batches.
    this.items = order === 'in-order' ? [...items] : [...items].sort((a, b) => b.bytes - a.bytes || a.index - b.index);
    this.remainingBytes = items.reduce((n, item) => n + item.bytes, 0);
  }

  get isEmpty(): boolean {
    return this.next >= this.items.length;
  }

  /** The indices of the next batch; empty when the queue is. */
  take(): number[] {
    const target = Math.min(maxBatchBytes, Math.max(minBatchBytes, this.remainingBytes / (this.workers * batchesPerShare)));
    const batch: number[] = [];
    let bytes = 0;
    while (this.next < this.items.length && (batch.length === 0 || bytes + this.items[this.next].bytes <= target)) {
      const item = this.items[this.next++];
      batch.push(item.index);
      bytes += item.bytes;
    }
    this.remainingBytes -= bytes;
    return batch;
  }
}
