/**
 * Worker threads started once for a whole scan and fed batches from a queue: each worker takes the next batch
 * when it answers the last, so the pool's pace is the workers' and not the slowest batch's. A worker that dies is
 * not replaced: the batch it held is handed back to the caller with the error, and when no worker is left the
 * caller takes the rest of the queue.
 */
import { Worker } from 'node:worker_threads';
import type { BatchQueue } from './batch-queue';

interface Slot {
  worker: Worker;
  alive: boolean;
  /** Called with the worker's answer to the batch it holds, or with why it died holding it. */
  pending?: (outcome: { reply: unknown } | { error: Error }) => void;
  error?: Error;
}

export interface BatchHandlers<Request, Reply> {
  request(batch: number[]): Request;
  done(batch: number[], reply: Reply): void;
  /** A batch no worker answered: `error` when its worker died holding it, undefined when no worker was left. */
  failed(batch: number[], error: Error | undefined): void;
}

export class WorkerPool<Request, Reply> {
  private readonly slots: Slot[];

  constructor(script: string, size: number, workerData: unknown, resourceLimits?: Worker['resourceLimits']) {
    this.slots = Array.from({ length: size }, () => this.start(script, workerData, resourceLimits));
  }

  /** Runs every batch of `queue` on the live workers; resolves when each batch is done or handed back. */
  run(queue: BatchQueue, handlers: BatchHandlers<Request, Reply>): Promise<void> {
    return new Promise((resolve) => {
      let running = 0;
      const settle = (): void => {
        if (running > 0) return;
        if (!this.slots.some((s) => s.alive)) {
          for (let batch = queue.take(); batch.length > 0; batch = queue.take()) handlers.failed(batch, undefined);
        }
        if (queue.isEmpty) resolve();
      };
      const feed = (slot: Slot): void => {
        const batch = slot.alive ? queue.take() : [];
        if (batch.length === 0) return settle();
        running++;
        slot.pending = (outcome) => {
          running--;
          if ('reply' in outcome) {
            handlers.done(batch, outcome.reply as Reply);
            feed(slot);
          } else {
            handlers.failed(batch, outcome.error);
            settle();
          }
        };
        slot.worker.postMessage(handlers.request(batch));
      };
      for (const slot of this.slots) feed(slot);
      settle();
    });
  }

  /**
   * One question to one live worker that holds no batch, between rounds; undefined when that worker dies before it
   * answers or none is alive.
   */
  ask(request: Request): Promise<Reply | undefined> {
    const slot = this.slots.find((s) => s.alive && !s.pending);
    if (!slot) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      slot.pending = (outcome) => resolve('reply' in outcome ? (outcome.reply as Reply) : undefined);
      slot.worker.postMessage(request);
    });
  }

  /** A message every live worker reads before its next batch. */
  broadcast(message: Request): void {
    for (const slot of this.slots) if (slot.alive) slot.worker.postMessage(message);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(script: string, workerData: unknown, resourceLimits: Worker['resourceLimits']): Slot {
    const slot: Slot = { worker: new Worker(script, { workerData, resourceLimits }), alive: true };
    const answer = (outcome: { reply: unknown } | { error: Error }): void => {
      const pending = slot.pending;
      slot.pending = undefined;
      pending?.(outcome);
    };
    slot.worker.on('message', (reply: unknown) => answer({ reply }));
    slot.worker.on('error', (error) => (slot.error = error));
    slot.worker.on('exit', (code) => {
      slot.alive = false;
      answer({ error: slot.error ?? new Error(`the worker exited with code ${code}`) });
    });
    return slot;
  }
}
