/**
 * What is kept of a document's blocks across window reloads and closing the file: per file, the hash of the text
 * they were measured against and each block with its own text. Restoring against the same text is exact; against
 * a text changed elsewhere (a checkout, another editor) a block is found again by its text, nearest to where it
 * was, and dropped if its text is gone, so a block is neither silently lost nor wrongly kept. Pure: unit-tested.
 */
import { createHash } from 'node:crypto';
import type { Range } from '../../shared/src/protocol';
import type { TrackedBlock } from './inserted-ranges';

export interface StoredBlock {
  id: number;
  start: number;
  end: number;
  /** Where the block was, for listing it while its file is closed. */
  range: Range;
  insertedAt: number;
  reviewed: boolean;
  checked: readonly string[];
  text: string;
}

export interface StoredFile {
  /** sha256 of the whole text the offsets refer to. */
  hash: string;
  blocks: StoredBlock[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function rangeAt(text: string, start: number, end: number): Range {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(start), end: position(end) };
}

export function snapshot(blocks: readonly TrackedBlock[], text: string): StoredFile {
  return {
    hash: textHash(text),
    blocks: blocks.map((b) => ({ ...b, checked: [...b.checked], range: rangeAt(text, b.start, b.end), text: text.slice(b.start, b.end) })),
  };
}

/** The occurrence of `needle` in `text` nearest to `near`, or undefined. */
function nearest(text: string, needle: string, near: number): number | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

export function restore(stored: StoredFile, text: string): TrackedBlock[] {
  const same = stored.hash === textHash(text);
  const blocks: TrackedBlock[] = [];
  for (const s of stored.blocks) {
    let start: number | undefined = s.start;
    if (!same && text.slice(s.start, s.end) !== s.text) start = s.text ? nearest(text, s.text, s.start) : undefined;
    if (start === undefined) continue;
    const end = start + (s.end - s.start);
    if (blocks.some((b) => b.start < end && b.end > start!)) continue;
    blocks.push({ id: s.id, start, end, insertedAt: s.insertedAt, reviewed: s.reviewed, checked: [...s.checked] });
  }
  return blocks.sort((x, y) => x.start - y.start);
}

/** Reads back what workspace state holds; anything of another shape (an older version's) counts as nothing. */
export function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredFile>;
  return typeof v.hash === 'string' && Array.isArray(v.blocks) && v.blocks.every((b) =>
    typeof b === 'object' && b !== null && typeof b.id === 'number' && typeof b.start === 'number' && typeof b.end === 'number'
    && typeof b.text === 'string' && typeof b.insertedAt === 'number' && typeof b.reviewed === 'boolean' && Array.isArray(b.checked)
    && typeof b.range === 'object' && b.range !== null);
}
