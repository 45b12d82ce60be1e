/**
 * Which lines of a work tree changed: since the last commit (`--changed`) or since a ref (`--since`), for reporting
 * only what a change touched. `--since` diffs from the ref's merge base with HEAD, as a pull request shows its
 * changes, so commits that landed on the base branch meanwhile are not counted. Untracked files (not ignored) are
 * new in full, as is every file of a repository without a commit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unquotePath } from './quoted-path';
import type { Repository } from './run-git';

/** 0-based line numbers of the new text, or every line. */
export type LineSet = ReadonlySet<number> | 'all';

export type ChangeScope = { kind: 'uncommitted' } | { kind: 'since'; ref: string };

export interface ChangedFiles {
  /** The lines changed in `file` (absolute); undefined when it did not change. */
  linesOf(file: string): LineSet | undefined;
  /** Absolute paths of every changed file that still exists. */
  files: readonly string[];
}

/** The new side's changed lines of each file in a `-U0` patch, by the path git printed (relative to the root). */
export function changedLinesOfPatch(patch: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const unquoted = name.startsWith('"') ? unquotePath(name) : name;
      const relative = unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
      current = files.get(relative) ?? new Set<number>();
      files.set(relative, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const first = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = first; n < first + count; n++) current.add(n - 1);
    }
  }
  return files;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

async function resolveBase(repo: Repository, scope: ChangeScope): Promise<{ base?: string; error?: string }> {
  const head = await repo.git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (scope.kind === 'uncommitted') return { base: head.ok ? head.stdout.trim() : undefined };
  if (scope.ref.startsWith('-')) return { error: `--since needs a git ref, got "${scope.ref}".` };
  const ref = await repo.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${scope.ref}^{commit}`]);
  if (!ref.ok) return { error: `--since: "${scope.ref}" is not a commit in the repository at ${repo.root}.` };
  const commit = ref.stdout.trim();
  if (!head.ok) return { base: commit };
  const mergeBase = await repo.git(['merge-base', commit, head.stdout.trim()]);
  return { base: mergeBase.ok ? mergeBase.stdout.trim() : commit };
}

export async function changedFiles(repo: Repository, scope: ChangeScope): Promise<{ changes?: ChangedFiles; error?: string }> {
  const { base, error } = await resolveBase(repo, scope);
  if (error !== undefined) return { error };
  const byRelative = new Map<string, LineSet>();
  if (base === undefined) {
    const tracked = await repo.git(['ls-files', '-z', '--cached']);
    for (const name of tracked.stdout.split('\0')) if (name !== '') byRelative.set(name, 'all');
  } else {
    const diff = await repo.git([
      'diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--src-prefix=a/', '--dst-prefix=b/', base, '--',
    ]);
    if (!diff.ok) return { error: `git diff failed in ${repo.root}: ${diff.stderr.trim()}` };
    for (const [name, lines] of changedLinesOfPatch(diff.stdout)) byRelative.set(name, lines);
  }
  const untracked = await repo.git(['ls-files', '-z', '--others', '--exclude-standard']);
  for (const name of untracked.stdout.split('\0')) if (name !== '') byRelative.set(name, 'all');

  const root = realPath(repo.root);
  const byFile = new Map<string, LineSet>();
  for (const [name, lines] of byRelative) byFile.set(path.join(root, ...name.split('/')), lines);
  return {
    changes: {
      linesOf: (file) => byFile.get(realPath(file)),
      files: [...byFile.keys()].filter((f) => fs.existsSync(f)),
    },
  };
}

/** Whether a finding on lines `startLine`..`endLine` (0-based, inclusive) touches a changed line. */
export function touchesChange(lines: LineSet, startLine: number, endLine: number): boolean {
  if (lines === 'all') return true;
  for (let n = startLine; n <= endLine; n++) if (lines.has(n)) return true;
  return false;
}
