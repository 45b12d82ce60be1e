/**
 * Which documents the server is analysing right now, as the client sees it: a document is busy from the moment
 * the client sends its text (open or change) until the server publishes diagnostics for it. A server that
 * publishes nothing for a version (it superseded it, or nothing changed) must not leave a spinner turning, so a
 * document stops being busy after `maxBusyMs` regardless. No `vscode` at runtime, so it is unit-tested.
 */
export class AnalysisActivity {
  private readonly busy = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly onChange: (uri: string) => void,
    private readonly maxBusyMs = 3000,
  ) {}

  sent(uri: string): void {
    const wasBusy = this.busy.has(uri);
    this.clearTimer(uri);
    this.busy.set(uri, setTimeout(() => this.published(uri), this.maxBusyMs));
    if (!wasBusy) this.onChange(uri);
  }

  published(uri: string): void {
    if (!this.busy.has(uri)) return;
    this.clearTimer(uri);
    this.busy.delete(uri);
    this.onChange(uri);
  }

  isBusy(uri: string): boolean {
    return this.busy.has(uri);
  }

  /** The server stopped: nothing is being analysed any more. */
  clear(): void {
    for (const uri of [...this.busy.keys()]) this.published(uri);
  }

  private clearTimer(uri: string): void {
    const timer = this.busy.get(uri);
    if (timer) clearTimeout(timer);
  }
}
