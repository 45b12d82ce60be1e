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
const twoPaths = ['copyFile', 'rename', 'link', 'cp', 'copy', 'move'];
/** Functions that make a link at their second argument to the first; a symbolic link's target is text it holds, not a file opened. */
const linkAt = ['symlink', 'ensureSymlink'];

/** Each file-system function's name and the positions of its path arguments. */
export const fileSystemFunctions: ReadonlyMap<string, readonly number[]> = new Map([
  ...onePath.flatMap((name): [string, readonly number[]][] => [[name, [0]], [`${name}Sync`, [0]]]),
  ...twoPaths.flatMap((name): [string, readonly number[]][] => [[name, [0, 1]], [`${name}Sync`, [0, 1]]]),
  ...linkAt.flatMap((name): [string, readonly number[]][] => [[name, [1]], [`${name}Sync`, [1]]]),
]);

/** The libraries whose functions above take paths (`path` builds paths but opens nothing). */
export const fileSystemLibraries: ReadonlySet<LibraryId> = new Set<LibraryId>(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);

/** The names a snippet gives the fs module when its import is out of view. */
export const fileSystemLocalNames = /^(fs|fsp|fse)$/;

/**
 * The names a file system passed in goes by: an option or field (`opts.fs || fs`, `this.fs`,
 * `compiler.outputFileSystem`) that a package reads and writes through, so a test or a bundler can give it a
 * memory file system; and a local so named whose value Vigil cannot place (`var fs = Utils.FileSystem.require()`).
 */
export const fileSystemObjectNames = /^(fs|xfs|fsp|fse|[a-z]\w*FileSystem)$/;

/** Functions that return their argument's methods in promise form: `pify(fs)`, `util.promisify(fs.readFile)`. */
export const promisifiers: ReadonlySet<string> = new Set(['promisify', 'pify', 'promisifyAll']);

/**
 * Packages that make or write paths outside `fs`, by the call that takes the path: `mkdirp(dir)`,
 * `makeDir.sync(dir)`, and fstream's `Writer({ path })`, where the path is an option.
 */
export const pathPackages: Readonly<Partial<Record<LibraryId, { callable: boolean; methods: ReadonlySet<string>; option?: string }>>> = {
  mkdirp: { callable: true, methods: new Set(['sync', 'mkdirp', 'native', 'manual', 'nativeSync', 'manualSync']) },
  'make-dir': { callable: true, methods: new Set(['sync']) },
  fstream: { callable: false, methods: new Set(['Writer']), option: 'path' },
};

/** `path` functions that build a path from their arguments. */
export const pathBuilders: ReadonlySet<string> = new Set(['join', 'resolve', 'normalize', 'relative', 'dirname', 'basename', 'extname', 'format', 'toNamespacedPath']);

/** `path` functions whose result is one segment of their argument: it cannot climb out of a directory. */
export const pathSegmentTakers: ReadonlySet<string> = new Set(['basename', 'extname']);
