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
 * call (getrusage), several microseconds on a loaded machine, and the walk asks every few dozen nodes: read each
 * time, it was a tenth of an edit's analysis. A thread cannot use more CPU than the wall time that passes, so the
 * clock is not read at all before `ms` of wall time have passed (nearly every analysis), and after that its budget
 * moves by at most this much between reads (the whole process's clock, read before Node 23.9, by that times its
 * busy threads).
 */
const cpuReadIntervalMs = 10;

export class TimeBudget {
  private readonly until: number;
  private spent = false;
  /** When (wall clock) the CPU clock is read next. */
  private nextRead = 0;

  constructor(readonly ms: number) {
    this.until = cpuMs() + ms;
    this.nextRead = performance.now() + ms;
  }

  /** Whether the budget is spent; once it is, it stays spent, and `wasExceeded` says so to the caller. */
  exceeded(): boolean {
    if (this.spent) return true;
    const now = performance.now();
    if (now < this.nextRead) return false;
    this.nextRead = now + cpuReadIntervalMs;
    if (cpuMs() > this.until) this.spent = true;
    return this.spent;
  }

  get wasExceeded(): boolean {
    return this.spent;
  }
}
