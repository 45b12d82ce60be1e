/**
 * The cases of the CVE yardstick (cases.json): published advisories against npm packages whose repository is public,
 * each with the commit that fixed it and the commit before, and the lines the fix changed in the files that held
 * the fault.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The five fault classes measured; each is also the id of the Vigil rule that reports it. */
export const faultClasses = ['command-injection', 'path-traversal', 'code-injection', 'prototype-pollution', 'xss'] as const;
export type FaultClass = (typeof faultClasses)[number];

export interface FixedFile {
  /** Path in the repository, the same at both commits. */
  path: string;
  /** 1-based lines of the vulnerable commit's file that the fix removed or rewrote (for a pure insertion: the
   * lines either side of where it went). */
  lines: number[];
  /** 1-based lines of the patched commit's file that the fix added or rewrote (for a pure removal: the lines
   * either side of where it was). */
  patchedLines: number[];
}

export interface CveCase {
  /** CVE id, or the GitHub advisory id where no CVE was assigned. */
  id: string;
  package: string;
  /** owner/name on GitHub. */
  repo: string;
  class: FaultClass;
  /** The fix's first parent. */
  vulnerable: string;
  /** The commit that fixed the advisory. */
  patched: string;
  /** The files that held the fault: the fix's changes to its tests, changelog, lockfile and built bundles are not
   * the fault. */
  files: FixedFile[];
  /** Anything a reader of the figures should know about the case. */
  note?: string;
}

export function readCases(file: string): CveCase[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: CveCase[] };
  for (const c of parsed.cases) {
    if (!faultClasses.includes(c.class)) throw new Error(`${file}: ${c.id} has an unknown class "${c.class}"`);
  }
  return parsed.cases;
}

/** The changed lines of one file between two commits, read from `git diff -U0`'s hunk headers. */
export function changedLines(gitDir: string, from: string, to: string, file: string): { lines: number[]; patchedLines: number[] } {
  const diff = spawnSync('git', ['--git-dir', gitDir, 'diff', '-U0', '--no-color', '--no-ext-diff', from, to, '--', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (diff.status !== 0) throw new Error(`git diff failed for ${file}: ${diff.stderr}`);
  return linesOfHunks(diff.stdout);
}

/**
 * Both sides' changed lines from a unified diff with no context lines. (`server/src/git/changed-lines.ts` reads
 * only the new side, for `--changed`; a fix is judged on both.)
 */
export function linesOfHunks(diff: string): { lines: number[]; patchedLines: number[] } {
  const before = new Set<number>();
  const after = new Set<number>();
  for (const m of diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const [oldStart, oldCount, newStart, newCount] = [Number(m[1]), Number(m[2] ?? '1'), Number(m[3]), Number(m[4] ?? '1')];
    side(before, oldStart, oldCount);
    side(after, newStart, newCount);
  }
  const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  return { lines: sorted(before), patchedLines: sorted(after) };
}

/** A side with no lines (`-12,0`) means the change went in after line 12: the lines either side stand for it. */
function side(into: Set<number>, start: number, count: number): void {
  if (count === 0) {
    if (start > 0) into.add(start);
    into.add(start + 1);
    return;
  }
  for (let i = 0; i < count; i++) into.add(start + i);
}
