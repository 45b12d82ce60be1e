/**
 * .gitignore files, read as git reads them: blank lines and `#` comments skipped, `!` re-includes, a trailing `/`
 * matches folders only, a `/` elsewhere anchors the pattern to the file's own folder, and the last matching line
 * wins, with deeper files read after shallower ones. Entries are tested one by one as a walk finds them, so an
 * ignored folder is pruned and nothing below it can be re-included (git's rule too).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../core/workspace-settings';

export interface IgnoreLine {
  pattern: RegExp;
  negated: boolean;
  foldersOnly: boolean;
}

export interface IgnoreFile {
  /** The folder the file sits in: its patterns are relative to it. */
  folder: string;
  lines: readonly IgnoreLine[];
}

export function parseGitignore(text: string): IgnoreLine[] {
  const lines: IgnoreLine[] = [];
  for (const raw of text.split('\n')) {
    // Trailing spaces are ignored unless escaped with a backslash.
    let line = raw.replace(/\r$/, '').replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const foldersOnly = line.endsWith('/');
    line = line.replace(/\\ /g, ' ');
    if (line.replace(/\//g, '') === '') continue;
    lines.push({ pattern: globToRegExp(line, { matchDescendants: false }), negated, foldersOnly });
  }
  return lines;
}

/** The .gitignore of `folder`, if it has one that can be read. */
export function readGitignore(folder: string): IgnoreFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = parseGitignore(text);
  return lines.length > 0 ? { folder, lines } : undefined;
}

/** Whether `file` (absolute) is ignored by the files in `stack`, outermost first. */
export function isGitignored(stack: readonly IgnoreFile[], file: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const ignoreFile of stack) {
    const relative = path.relative(ignoreFile.folder, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const slashed = relative.split(path.sep).join('/');
    for (const line of ignoreFile.lines) {
      if (line.foldersOnly && !isFolder) continue;
      if (line.negated === ignored && line.pattern.test(slashed)) ignored = !line.negated;
    }
  }
  return ignored;
}

/** The folder holding `.git` at or above `start`, where git starts reading .gitignore files. */
export function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The .gitignore files that apply inside `folder`: from the repository root (or `folder` itself) down to it. */
export function gitignoresFor(folder: string): IgnoreFile[] {
  const root = repositoryRoot(folder) ?? folder;
  const chain: string[] = [];
  for (let dir = folder; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === root || path.dirname(dir) === dir) break;
  }
  return chain.map(readGitignore).filter((f): f is IgnoreFile => f !== undefined);
}
