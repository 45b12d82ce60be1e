/**
 * How long one analysis may run, counted in CPU time rather than on the wall clock: a CLI run at low priority
 * (`nice -n 19`) or an editor on a loaded machine waits for the CPU without spending its budget, so it does not
 * drop findings a fast machine would report. The same code takes the same budget everywhere.
 */

import { performance } from 'node:perf_hooks';

/** Node 23.9+ counts the calling thread alone; before that, only the whole process's CPU time can be read. */
const threadCpuUsage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.bind(process);

/** Milliseconds of CPU used so far by this thread (or process). */
export function cpuMs(): number {
  const { user, system } = threadCpuUsage ? threadCpuUsage() : process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Wall-clock milliseconds between two reads of the CPU clock once the budget could be spent. Reading it is a system
 * call (getrusage), several microseconds on a loaded machine and hundreds in some sandboxes, and the walk asks every
 * few dozen nodes: read each time, it was a tenth of an edit's analysis. A thread cannot use more CPU than the wall
 * time that passes, so after the first read the clock is not read again before the budget could be spent, and after
 * that its budget moves by at most this much between reads (the whole process's clock, read before Node 23.9, by
 * that times its busy threads).
 */
const cpuReadIntervalMs = 10;

/**
 * The first read of the CPU clock waits this long on the wall clock, so that nearly every analysis (a few
 * milliseconds) never reads it: measured in a scan, one read per file cost a tenth of the scan. What the analysis
 * used before that read is counted as this much CPU. It cannot have used more unless it went this long without
 * asking whether its time is spent, and the callers ask every few dozen nodes.
 */
const firstReadMs = 50;

export class TimeBudget {
  private readonly started = performance.now();
  /** The CPU clock's reading at which the budget is spent, known from the first read. */
  private until: number | undefined;
  private spent = false;
  /** When (wall clock) the CPU clock is read next. */
  private nextRead: number;

  constructor(readonly ms: number) {
    this.nextRead = this.started + Math.min(ms, firstReadMs);
  }

  /** Whether the budget is spent; once it is, it stays spent, and `wasExceeded` says so to the caller. */
  exceeded(): boolean {
    if (this.spent) return true;
    const now = performance.now();
    if (now < this.nextRead) return false;
    const cpu = cpuMs();
    if (this.until === undefined) {
      const used = Math.min(now - this.started, firstReadMs);
      this.until = cpu + this.ms - used;
      this.nextRead = now + Math.max(this.ms - used, cpuReadIntervalMs);
    } else {
      this.nextRead = now + cpuReadIntervalMs;
    }
    if (cpu >= this.until) this.spent = true;
    return this.spent;
  }

  get wasExceeded(): boolean {
    return this.spent;
  }
}
