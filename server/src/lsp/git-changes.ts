/**
 * The lines of a file changed since the last commit, for `vigil.focus: "changed"`: `git diff -U0 HEAD` of the
 * saved file (git runs locally; no network). Asked only when that focus is on, and cached briefly per file and
 * modification time, since a validation follows every keystroke. Edits not yet saved are not in git's answer;
 * code pasted or inserted since is covered by the inserted blocks.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChangedLines } from './review-marks';

/** The new side's lines of each hunk of a `-U0` diff, 0-based. */
export function changedLinesOfDiff(diff: string): Set<number> {
  const lines = new Set<number>();
  for (const match of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const first = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    for (let line = first; line < first + count; line++) lines.add(line - 1);
  }
  return lines;
}

function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 5000, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      resolve({ ok: !error, stdout: String(stdout) });
    });
  });
}

/** How long an answer is reused: a commit changes it without touching the file. */
const freshMs = 2000;

export class GitChanges {
  private readonly cache = new Map<string, { key: string; at: number; lines: Promise<ChangedLines | undefined> }>();

  /** Undefined when the file is not in a git work tree (or git is not there). */
  changedLines(file: string, now = Date.now()): Promise<ChangedLines | undefined> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return Promise.resolve(undefined);
    }
    const key = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.cache.get(file);
    if (cached && cached.key === key && now - cached.at < freshMs) return cached.lines;
    const lines = this.ask(file);
    this.cache.set(file, { key, at: now, lines });
    return lines;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  private async ask(file: string): Promise<ChangedLines | undefined> {
    const cwd = path.dirname(file);
    const name = path.basename(file);
    if (!(await git(cwd, ['rev-parse', '--is-inside-work-tree'])).ok) return undefined;
    // A file git does not track yet, or a repository without a commit: every line is new.
    if (!(await git(cwd, ['ls-files', '--error-unmatch', '--', name])).ok) return 'all';
    const diff = await git(cwd, ['diff', '-U0', '--no-color', '--no-ext-diff', 'HEAD', '--', name]);
    return diff.ok ? changedLinesOfDiff(diff.stdout) : 'all';
  }
}
