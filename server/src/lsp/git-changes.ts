/**
 * The lines of a file changed since the last commit, for `vigil.focus: "changed"`: the saved file against its
 * blob in HEAD (git runs locally; no network). Asked only when that focus is on, only for files inside the
 * workspace folders, and never in a workspace the user has not trusted; cached briefly per file and
 * modification time, since a validation follows every keystroke. Edits not yet saved are not in the answer;
 * code pasted or inserted since is covered by the inserted blocks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addedLines } from './line-diff';
import type { ChangedLines } from './review-marks';
import { safeGit } from '../git/safe-git';

/** How long an answer is reused: a commit changes it without touching the file. */
const freshMs = 2000;

/** Larger files are not analysed either; diffing them is not worth a git call. */
const maxBytes = 2 * 1024 * 1024;

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

export class GitChanges {
  private readonly cache = new Map<string, { key: string; at: number; lines: Promise<ChangedLines | undefined> }>();
  private folders: string[] = [];
  private trusted = true;

  /** The workspace folders (file paths): git is asked only about files inside them. */
  setFolders(folders: readonly string[]): void {
    this.folders = folders.map((f) => realPath(f)).filter((f): f is string => f !== undefined);
    this.cache.clear();
  }

  /** In a workspace the user has not trusted, git is not run at all. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.cache.clear();
  }

  /** Undefined when git is not asked: outside a git work tree or the workspace, untrusted, or git is not there. */
  changedLines(file: string, now = Date.now()): Promise<ChangedLines | undefined> {
    if (!this.trusted) return Promise.resolve(undefined);
    const real = realPath(file);
    if (real === undefined || !this.folders.some((folder) => real.startsWith(folder + path.sep))) return Promise.resolve(undefined);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(real);
    } catch {
      return Promise.resolve(undefined);
    }
    if (!stat.isFile() || stat.size > maxBytes) return Promise.resolve(undefined);
    const key = `${real}:${stat.mtimeMs}:${stat.size}`;
    const cached = this.cache.get(file);
    if (cached && cached.key === key && now - cached.at < freshMs) return cached.lines;
    const lines = this.ask(real);
    this.cache.set(file, { key, at: now, lines });
    return lines;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  private async ask(file: string): Promise<ChangedLines | undefined> {
    const cwd = path.dirname(file);
    if (!(await safeGit(cwd, ['rev-parse', '--is-inside-work-tree'])).ok) return undefined;
    // A file not in HEAD (untracked, new, or a repository without a commit): every line is new.
    const committed = await safeGit(cwd, ['cat-file', 'blob', `HEAD:./${path.basename(file)}`]);
    if (!committed.ok) return 'all';
    let saved: string;
    try {
      saved = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return addedLines(committed.stdout, saved);
  }
}
