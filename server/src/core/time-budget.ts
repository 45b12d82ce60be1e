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

/**
 * A budget starts from the last reading of the CPU clock when that reading is at most this share of the budget old
 * (wall clock), rather than reading the clock again. Before Node 23.9 the read is getrusage over the whole process,
 * and on a shared virtual machine it blocked while other threads ran: over a scan's 1,520 analyses, a median of 8 µs
 * but one read in ten over 2 ms and one in a hundred over 12 ms, 1.1 s of a 9.7 s scan, and more in each worker of a
 * pool. An analysis takes a few milliseconds, so most budgets read no clock of their own; each counts at most this
 * share of its length spent before it began (times the busy threads, for the process's clock), and is no more than
 * that much stricter.
 */
const reusableReadingShare = 1 / 50;

/** This thread's last reading of the CPU clock for a budget's start, and when (wall clock) it was taken. */
let lastReading = { at: Number.NEGATIVE_INFINITY, cpuMs: 0 };

function recentCpuMs(maxAgeMs: number): number {
  const now = performance.now();
  if (now - lastReading.at > maxAgeMs) lastReading = { at: now, cpuMs: cpuMs() };
  return lastReading.cpuMs;
}

export class TimeBudget {
  private readonly until: number;
  private spent = false;
  /** When (wall clock) the CPU clock is read next. */
  private nextRead = 0;

  constructor(readonly ms: number) {
    this.until = recentCpuMs(ms * reusableReadingShare) + ms;
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
