/**
 * File-system functions and the arguments that name a file: Node's `fs` (callback, sync and promise forms),
 * `fs/promises`, fs-extra and graceful-fs; and the `path` functions that build a path from their arguments.
 */
import type { LibraryId } from './types';

/** Functions taking one path first; each also has a `…Sync` form. */
const onePath = [
  'readFile', 'writeFile', 'appendFile', 'createReadStream', 'createWriteStream', 'unlink', 'rm', 'rmdir', 'readdir', 'stat',
  'lstat', 'access', 'exists', 'open', 'opendir', 'mkdir', 'readlink', 'realpath', 'truncate', 'chmod', 'chown', 'utimes',
  'outputFile', 'outputJson', 'readJson', 'writeJson', 'readJSON', 'writeJSON', 'remove', 'pathExists', 'ensureDir', 'ensureFile', 'emptyDir',
];
/** Functions taking a source and a destination path; each also has a `…Sync` form. */
const twoPaths = ['copyFile', 'rename', 'link', 'symlink', 'cp', 'copy', 'move'];

/** Each file-system function's name and the positions of its path arguments. */
export const fileSystemFunctions: ReadonlyMap<string, readonly number[]> = new Map([
  ...onePath.flatMap((name): [string, readonly number[]][] => [[name, [0]], [`${name}Sync`, [0]]]),
  ...twoPaths.flatMap((name): [string, readonly number[]][] => [[name, [0, 1]], [`${name}Sync`, [0, 1]]]),
]);

/** The libraries whose functions above take paths (`path` builds paths but opens nothing). */
export const fileSystemLibraries: ReadonlySet<LibraryId> = new Set<LibraryId>(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);

/** The names a snippet gives the fs module when its import is out of view. */
export const fileSystemLocalNames = /^(fs|fsp|fse)$/;

/** `path` functions that build a path from their arguments. */
export const pathBuilders: ReadonlySet<string> = new Set(['join', 'resolve', 'normalize', 'relative', 'dirname', 'basename', 'extname', 'format', 'toNamespacedPath']);

/** `path` functions whose result is one segment of their argument: it cannot climb out of a directory. */
export const pathSegmentTakers: ReadonlySet<string> = new Set(['basename', 'extname']);
