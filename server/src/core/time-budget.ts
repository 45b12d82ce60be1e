/**
 * How long one analysis may run, counted in CPU time rather than on the wall clock: a CLI run at low priority
 * (`nice -n 19`) or an editor on a loaded machine waits for the CPU without spending its budget, so it does not
 * drop findings a fast machine would report. The same code takes the same budget everywhere.
 */

/** Node 23.9+ counts the calling thread alone; before that, only the whole process's CPU time can be read. */
const threadCpuUsage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.bind(process);

/** Milliseconds of CPU used so far by this thread (or process). */
export function cpuMs(): number {
  const { user, system } = threadCpuUsage ? threadCpuUsage() : process.cpuUsage();
  return (user + system) / 1000;
}

export class TimeBudget {
  private readonly until: number;
  private spent = false;

  constructor(readonly ms: number) {
    this.until = cpuMs() + ms;
  }

  /** Whether the budget is spent; once it is, it stays spent, and `wasExceeded` says so to the caller. */
  exceeded(): boolean {
    if (!this.spent && cpuMs() > this.until) this.spent = true;
    return this.spent;
  }

  get wasExceeded(): boolean {
    return this.spent;
  }
}
