/**
 * Per-document debounce. Each `schedule` supersedes what was queued for that document; the run itself checks
 * the document's version again before publishing (see validation.ts), so a newer edit also supersedes a run
 * that is waiting on settings.
 */
type Timer = { cancel(): void };

function after(ms: number, run: () => void): Timer {
  if (ms <= 0) {
    const handle = setImmediate(run);
    return { cancel: () => clearImmediate(handle) };
  }
  const handle = setTimeout(run, ms);
  return { cancel: () => clearTimeout(handle) };
}

export class ValidationScheduler {
  private readonly queued = new Map<string, { timer?: Timer }>();

  constructor(
    private readonly delayFor: (uri: string) => Promise<number>,
    private readonly run: (uri: string) => Promise<void>,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const entry: { timer?: Timer } = {};
    this.queued.set(uri, entry);
    void this.delayFor(uri).then((ms) => {
      if (this.queued.get(uri) !== entry) return;
      entry.timer = after(ms, () => {
        if (this.queued.get(uri) === entry) this.queued.delete(uri);
        void this.run(uri);
      });
    });
  }

  cancel(uri: string): void {
    this.queued.get(uri)?.timer?.cancel();
    this.queued.delete(uri);
  }
}
