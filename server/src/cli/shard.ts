/**
 * `--shard i/n`: the i-th of n parts of a scan's files, for a CI matrix. Every shard sees the same checkout, so each
 * computes the same split on its own: files by size, largest first (ties by path), each to the part with the
 * fewest bytes so far (then the fewest files, then the lowest part), which keeps the parts' analysis times close.
 */
import * as fs from 'node:fs';

export interface Shard {
  /** 1-based, as a CI matrix counts. */
  index: number;
  count: number;
}

export const maxShards = 1024;

export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (index < 1 || count < 1 || index > count || count > maxShards) return undefined;
  return { index, count };
}

/** The file's size in bytes; 0 when it cannot be read (the scan reports that). */
export function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The files of `shard`, in their original order. */
export function filesOfShard(files: readonly string[], shard: Shard, size: (file: string) => number = sizeOf): string[] {
  const sized = files.map((file, order) => ({ file, order, bytes: size(file) }));
  sized.sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const loads = new Array<number>(shard.count).fill(0);
  const counts = new Array<number>(shard.count).fill(0);
  const mine: { file: string; order: number }[] = [];
  for (const entry of sized) {
    let lightest = 0;
    for (let part = 1; part < loads.length; part++) {
      if (loads[part] < loads[lightest] || (loads[part] === loads[lightest] && counts[part] < counts[lightest])) lightest = part;
    }
    loads[lightest] += entry.bytes;
    counts[lightest]++;
    if (lightest === shard.index - 1) mine.push(entry);
  }
  return mine.sort((a, b) => a.order - b.order).map((e) => e.file);
}
