/**
 * The inserted blocks of one document, as offsets into its text, kept in place as the text changes. Pure (no
 * `vscode` at runtime), so every case is unit-tested: the controller (inserted-blocks.ts) feeds it VS Code's
 * change events with where they came from.
 *
 * A change is an insertion when it adds at least `minLines` non-blank lines or `minChars` non-blank characters at
 * once: typing never does, an accepted suggestion, an assistant's edit or a paste does. Changes are applied in the
 * order given, each against the text the previous one left (LSP's and VS Code's order for multi-cursor edits).
 */

export interface Thresholds {
  minLines: number;
  minChars: number;
}

export const defaultThresholds: Thresholds = { minLines: 2, minChars: 80 };

/** Replace `length` characters at `offset` of the text before the change with `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
  /** The text that was replaced, when known: an edit that rewrites a range is judged by what it really adds. */
  replaced?: string;
}

/**
 * Where a change came from. Only `edit` changes (typing, paste, suggestions, assistants' edits) can start a block;
 * the others only move the blocks there are.
 */
export type ChangeOrigin = 'edit' | 'undo' | 'redo' | 'vigil-fix';

export interface TrackedBlock {
  /** Stable for the block's life (commands name blocks by it); merging keeps the older id. */
  id: number;
  /** Offsets into the current text; `end` is exclusive and `start < end`. */
  start: number;
  end: number;
  insertedAt: number;
  reviewed: boolean;
  /** The ids of the review checklist's questions the user has ticked. */
  checked: readonly string[];
}

function nonBlankLines(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) if (/\S/.test(line)) count++;
  return count;
}

function nonBlankChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export function isInsertion(text: string, thresholds: Thresholds): boolean {
  return nonBlankLines(text) >= thresholds.minLines || nonBlankChars(text) >= thresholds.minChars;
}

/**
 * The same code laid out differently: equal once whitespace, semicolons, commas, parentheses and the kind of
 * quotes are set aside. That is what a formatter changes (Prettier replaces the whole document at once).
 */
export function isReformat(before: string, after: string): boolean {
  const tokens = (s: string) => s.replace(/[\s;,()]+/g, '').replace(/["'`]/g, '"');
  return before.length > 0 && tokens(before) === tokens(after);
}

/**
 * The part of a change that is new, in offsets of the text after it: the common start and end of the replaced
 * and the new text are set aside, then surrounding whitespace. Undefined when the change is not an insertion.
 */
export function insertedSpan(change: TextChange, thresholds: Thresholds): { start: number; end: number } | undefined {
  const { text } = change;
  const replaced = change.replaced ?? '';
  let head = 0;
  const shortest = Math.min(text.length, replaced.length);
  while (head < shortest && text.charCodeAt(head) === replaced.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && text.charCodeAt(text.length - 1 - tail) === replaced.charCodeAt(replaced.length - 1 - tail)) tail++;
  const added = text.slice(head, text.length - tail);
  if (!isInsertion(added, thresholds)) return undefined;
  if (isReformat(replaced.slice(head, replaced.length - tail), added)) return undefined;
  const lead = added.length - added.trimStart().length;
  const trail = added.length - added.trimEnd().length;
  return { start: change.offset + head + lead, end: change.offset + text.length - tail - trail };
}

/** Moves, grows, shrinks or removes one block for a change; undefined when the block is gone. */
export function shiftBlock(block: TrackedBlock, change: TextChange): TrackedBlock | undefined {
  const a = change.offset;
  const b = change.offset + change.length;
  const delta = change.text.length - change.length;
  const { start: s, end: e } = block;
  let start = s;
  let end = e;
  if (b <= s) {
    // Before the block (an insertion exactly at its start is before it): it moves.
    start += delta;
    end += delta;
  } else if (a >= e) {
    return block;
  } else if (a <= s && b >= e) {
    return undefined;
  } else if (a >= s && b <= e) {
    end += delta;
  } else if (a < s) {
    // The change ate the block's head: what is left starts after the new text.
    start = a + change.text.length;
    end += delta;
  } else {
    end = a;
  }
  if (start >= end) return undefined;
  return start === s && end === e ? block : { ...block, start, end };
}

function byStart(x: TrackedBlock, y: TrackedBlock): number {
  return x.start - y.start;
}

/**
 * Adds a new, unreviewed block: unreviewed blocks it overlaps or touches become part of it, a reviewed block it
 * lands in is split around it (its other parts stay reviewed).
 */
export function addBlock(blocks: readonly TrackedBlock[], span: { start: number; end: number }, now: number, newId: () => number): TrackedBlock[] {
  let { start, end } = span;
  let id = Number.POSITIVE_INFINITY;
  const kept: TrackedBlock[] = [];
  for (const block of blocks) {
    const touches = block.start <= end && block.end >= start;
    if (touches && !block.reviewed) {
      start = Math.min(start, block.start);
      end = Math.max(end, block.end);
      id = Math.min(id, block.id);
    } else {
      kept.push(block);
    }
  }
  const result: TrackedBlock[] = [];
  for (const block of kept) {
    const overlaps = block.start < end && block.end > start;
    if (!overlaps) {
      result.push(block);
      continue;
    }
    if (block.start < start) result.push({ ...block, end: start });
    if (block.end > end) result.push({ ...block, start: end, id: newId() });
  }
  result.push({ id: Number.isFinite(id) ? id : newId(), start, end, insertedAt: now, reviewed: false, checked: [] });
  return result.sort(byStart);
}

/** Unreviewed blocks with only whitespace between them are one block (an assistant's edit in two changes). */
export function mergeAdjacent(blocks: readonly TrackedBlock[], text: string): TrackedBlock[] {
  const result: TrackedBlock[] = [];
  for (const block of [...blocks].sort(byStart)) {
    const last = result[result.length - 1];
    if (last && !last.reviewed && !block.reviewed && !/\S/.test(text.slice(last.end, block.start))) {
      result[result.length - 1] = {
        ...last,
        id: Math.min(last.id, block.id),
        end: Math.max(last.end, block.end),
        insertedAt: Math.max(last.insertedAt, block.insertedAt),
        checked: [],
      };
    } else {
      result.push(block);
    }
  }
  return result;
}

/** The blocks of one document. `nextId` is shared by all documents so that ids are unique in the window. */
export class InsertedRanges {
  constructor(
    private current: readonly TrackedBlock[],
    private readonly nextId: () => number,
  ) {}

  get blocks(): readonly TrackedBlock[] {
    return this.current;
  }

  /**
   * One change event: its changes in order, where it came from, and the text after all of them. Returns whether
   * the blocks changed.
   */
  apply(changes: readonly TextChange[], origin: ChangeOrigin, thresholds: Thresholds, now: number, textAfter: string): boolean {
    const before = this.current;
    let blocks: TrackedBlock[] = [...before];
    for (const change of changes) {
      blocks = blocks.map((b) => shiftBlock(b, change)).filter((b): b is TrackedBlock => b !== undefined);
      const span = origin === 'edit' ? insertedSpan(change, thresholds) : undefined;
      if (span) blocks = addBlock(blocks, span, now, this.nextId);
    }
    blocks = mergeAdjacent(blocks, textAfter);
    this.current = blocks;
    return blocks.length !== before.length || blocks.some((b, i) => b !== before[i]);
  }

  /**
   * Blocks known from elsewhere (Agent Trace notes of commits): each span no block overlaps becomes a block as
   * recorded; where the editor already tracks code, its own block stands. Returns whether any was added.
   */
  adopt(spans: readonly { start: number; end: number; insertedAt: number; reviewed: boolean }[]): boolean {
    const added = spans.filter((s) => s.start < s.end && !this.current.some((b) => b.start < s.end && b.end > s.start));
    if (added.length === 0) return false;
    this.current = [...this.current, ...added.map((s) => ({ id: this.nextId(), ...s, checked: [] }))].sort(byStart);
    return true;
  }

  markReviewed(id: number): boolean {
    let changed = false;
    this.current = this.current.map((b) => {
      if (b.id !== id || b.reviewed) return b;
      changed = true;
      return { ...b, reviewed: true };
    });
    return changed;
  }

  markAllReviewed(): boolean {
    const changed = this.current.some((b) => !b.reviewed);
    this.current = this.current.map((b) => (b.reviewed ? b : { ...b, reviewed: true }));
    return changed;
  }

  setChecked(id: number, checked: readonly string[]): void {
    this.current = this.current.map((b) => (b.id === id ? { ...b, checked: [...checked] } : b));
  }
}
