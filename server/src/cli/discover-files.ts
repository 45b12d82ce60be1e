/**
 * The files a scan covers. A path named on the command line is always scanned (as ripgrep does): the built-in
 * skips, .gitignore and the config's `ignore` apply to what the walk finds below it, so
 * `vigil scan node_modules/typeorm` works while `vigil scan .` skips node_modules. Inside a git repository a
 * folder's files are the ones git lists (tracked, and untracked but not ignored: listed-files.ts), so a tracked
 * file is scanned even when a .gitignore line matches it; the built-in skips and the config's `ignore` still apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasAnalysableExtension, isAnalysable, skippedFolders } from '../core/workspace-settings';
import { IgnoreFile, gitignoresFor, isGitignored, readGitignore } from './gitignore';

export interface DiscoverOptions {
  /** Whether the `ignore` globs of the config that applies to a file or folder name it. */
  configIgnored(entry: string): boolean;
  /** The files git lists under a named folder (absolute, as resolved from the command line), for those in a repository. */
  gitListed?: ReadonlyMap<string, readonly string[]>;
}

export interface PathError {
  path: string;
  message: string;
}

export interface Discovered {
  files: string[];
  /** Paths that could not be scanned: named ones that are missing or not files, folders that cannot be listed. */
  errors: PathError[];
  /** Entries the walk passed over that look like source but are not files it can read (a dangling link, a FIFO). */
  notes: PathError[];
}

function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'ENOENT' ? 'no such file or folder' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.message;
}

function linkMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'skipped: a symbolic link to nothing';
  if (code === 'ELOOP') return 'skipped: a loop of symbolic links';
  return `skipped: ${errorMessage(error)}`;
}

/** Reading a FIFO or a device waits for a writer that may never come: only regular files are read. */
const notRegular = 'skipped: not a regular file (a FIFO, socket or device)';

/** The order the walk finds files in: folder by folder, each folder's entries by name. */
function walkOrder(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

export function discoverFiles(paths: readonly string[], options: DiscoverOptions): Discovered {
  const files = new Set<string>();
  const errors: PathError[] = [];
  const notes: PathError[] = [];
  const configIgnored = options.configIgnored;

  const walk = (folder: string, stack: readonly IgnoreFile[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: folder, message: errorMessage(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      // Symbolic links to folders are not followed: they can loop, and they lead out of the tree.
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        isFolder = false;
        try {
          const target = fs.statSync(full);
          isFile = target.isFile();
          if (!isFile && !target.isDirectory() && isAnalysable(entry.name)) notes.push({ path: full, message: notRegular });
        } catch (error) {
          isFile = false;
          if (isAnalysable(entry.name)) notes.push({ path: full, message: linkMessage(error) });
        }
      } else if (!isFile && !isFolder && isAnalysable(entry.name)) {
        notes.push({ path: full, message: notRegular });
      }
      if (isFolder) {
        if (skippedFolders.has(entry.name) || isGitignored(stack, full, true) || configIgnored(full)) continue;
        const own = readGitignore(full);
        walk(full, own ? [...stack, own] : stack);
      } else if (isFile && isAnalysable(entry.name) && !isGitignored(stack, full, false) && !configIgnored(full)) {
        files.add(full);
      }
    }
  };

  /** git's list under `folder`, with the walk's skips: built-in folders and files, config ignores, what is not a regular file. */
  const addListed = (folder: string, listed: readonly string[]): void => {
    const allowed = new Map<string, boolean>();
    const folderAllowed = (dir: string): boolean => {
      if (dir === folder) return true;
      let ok = allowed.get(dir);
      if (ok === undefined) {
        ok = !skippedFolders.has(path.basename(dir)) && !configIgnored(dir) && folderAllowed(path.dirname(dir));
        allowed.set(dir, ok);
      }
      return ok;
    };
    for (const file of [...listed].sort(walkOrder)) {
      if (!isAnalysable(path.basename(file)) || !folderAllowed(path.dirname(file)) || configIgnored(file)) continue;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (error) {
        // A tracked file deleted from the work tree is not there to scan; a dangling link is told, as the walk tells it.
        if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) notes.push({ path: file, message: linkMessage(error) });
        continue;
      }
      if (stat.isFile()) files.add(file);
      else if (!stat.isDirectory()) notes.push({ path: file, message: notRegular });
    }
  };

  for (const named of paths) {
    const full = path.resolve(named);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      errors.push({ path: named, message: errorMessage(error) });
      continue;
    }
    const listed = stat.isDirectory() ? options.gitListed?.get(full) : undefined;
    if (listed) addListed(full, listed);
    else if (stat.isDirectory()) walk(full, gitignoresFor(full));
    else if (!stat.isFile()) errors.push({ path: named, message: notRegular });
    else if (hasAnalysableExtension(full)) files.add(full);
  }
  return { files: [...files], errors, notes };
}
