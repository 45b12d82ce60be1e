/**
 * When to restart a crashed language server. Pure, so the policy is unit-tested without an editor: the delay
 * doubles with each crash inside the window, and after `maxCrashes` in that window the client gives up and
 * tells the user once, rather than restarting (and notifying) forever.
 */
export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** The delay never grows past this. */
  maxMs: number;
  /** Crashes counted together; older ones are forgotten. */
  windowMs: number;
  /** Crashes within the window after which no restart is attempted. */
  maxCrashes: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 8000, windowMs: 3 * 60_000, maxCrashes: 5 };

export class Backoff {
  private crashes: number[] = [];

  constructor(private readonly policy: BackoffPolicy = defaultBackoff) {}

  /** Records a crash at `now`; returns the delay before restarting, or undefined to give up. */
  crashed(now: number): number | undefined {
    this.crashes = this.crashes.filter((t) => now - t < this.policy.windowMs);
    this.crashes.push(now);
    if (this.crashes.length >= this.policy.maxCrashes) return undefined;
    return Math.min(this.policy.initialMs * 2 ** (this.crashes.length - 1), this.policy.maxMs);
  }

  /** Crashes counted in the current window (for the message shown on giving up). */
  get count(): number {
    return this.crashes.length;
  }

  /** A restart the user asked for starts with a clean slate. */
  reset(): void {
    this.crashes = [];
  }
}
