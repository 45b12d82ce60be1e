/** "Scanning 1234/5678 files…" on a terminal's stderr, redrawn in place; nothing at all on a pipe or file. */
export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

const redrawEveryMs = 100;

export function createProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < redrawEveryMs && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[KScanning ${done}/${total} files…`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
