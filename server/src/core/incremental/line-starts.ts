/**
 * Where each line of a document's text starts, for turning the offsets of its findings into LSP positions. TypeScript
 * computes a new tree's line map from its whole text the first time a position is asked: 1.2 ms of a layout edit in a
 * 10,000-line file, in which every finding is moved and no rule runs. The document's analysis keeps these starts and
 * moves them past each edit, looking at the text only around it. They are the ones TypeScript's line map holds.
 */
import type { Range } from '../types';
import type { TextChange } from './plan';

const lineFeed = 10;
const carriageReturn = 13;

export class LineStarts {
  private constructor(private readonly starts: Int32Array) {}

  static of(text: string): LineStarts {
    const starts = [0];
    breaksFrom(text, 0, text.length, starts);
    return new LineStarts(Int32Array.from(starts));
  }

  /**
   * The line starts of `change.after`, from these (of `change.before`). A start before the edit stays: its line
   * break and the character at it are before the edit. One well past it moves. Around it the new text is read again,
   * from the character before it, which may be a carriage return that now pairs with a line feed, or no longer does.
   */
  after(change: TextChange): LineStarts {
    const region = change.region;
    if (!region) return this;
    const around: number[] = region.start === 0 ? [0] : [];
    breaksFrom(change.after, Math.max(0, region.start - 1), region.newEnd, around);
    // A start past the edit has the last character of its line break, and its own, in text the edit left (a carriage
    // return typed before a line feed moves no start): it is the old start, moved.
    const delta = region.newEnd - region.oldEnd;
    const kept = this.firstAtOrAfter(region.start);
    const moved = this.firstAtOrAfter(region.newEnd - delta + 1);
    const out = new Int32Array(kept + around.length + this.starts.length - moved);
    out.set(this.starts.subarray(0, kept));
    out.set(around, kept);
    for (let i = moved, at = kept + around.length; i < this.starts.length; i++, at++) out[at] = this.starts[i] + delta;
    return new LineStarts(out);
  }

  /** The index of the first start at or after `offset`. */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The LSP range of `[start, end)`, as `ts.getLineAndCharacterOfPosition` gives it. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private position(offset: number): { line: number; character: number } {
    const line = this.line(offset);
    return { line, character: offset - this.starts[line] };
  }

  /** The 0-based line of `offset`: the last line starting at or before it. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Adds to `out` the start of each line that a line break at or after `from` begins, up to `until`: after `\r\n`,
 * a lone `\r` or `\n`, U+2028 or U+2029, as TypeScript counts lines.
 */
function breaksFrom(text: string, from: number, until: number, out: number[]): void {
  for (let pos = from; pos < text.length; ) {
    const code = text.charCodeAt(pos++);
    if (code === carriageReturn && text.charCodeAt(pos) === lineFeed) pos++;
    if (!isLineBreak(code)) continue;
    if (pos > until) return;
    out.push(pos);
  }
}

/** A character that ends a line, as TypeScript counts lines: `\r`, `\n`, U+2028 or U+2029. */
export function isLineBreak(code: number): boolean {
  return code === carriageReturn || code === lineFeed || code === 0x2028 || code === 0x2029;
}
