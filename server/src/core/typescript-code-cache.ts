/**
 * Loads `typescript` through V8's code cache, so that a process compiles TypeScript's 9 MB of JavaScript from the
 * bytecode a previous run kept rather than from source: a small `vigil scan` (a pre-commit hook, the demo) spent a
 * quarter of its time there, and a scan's every worker thread loads its own copy (measured: bench/README.md).
 *
 * Imported first by typescript-plain.ts, before anything requires `typescript`: the module it loads is the one
 * `require('typescript')` then returns. The cache is a file per Node version and TypeScript install in
 * `VIGIL_CODE_CACHE` (a folder; `off` turns it off), else in the system's temp folder. V8 checks the cache against
 * the source and its own flags and ignores one that does not fit; a new one is then written with the functions the
 * run compiled (`saveTypescriptCodeCache`). Anything that fails leaves `typescript` to Node's loader.
 */
import * as fs from 'node:fs';
import { Module, createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** What became of the cache in this thread: `accepted`, or why TypeScript was compiled from source. */
export type CodeCacheOutcome = 'accepted' | 'absent' | 'rejected' | 'off' | 'loaded already' | 'failed';

function cacheFileFor(file: string): string | undefined {
  const setting = process.env.VIGIL_CODE_CACHE;
  if (setting === 'off') return undefined;
  const folder = setting || path.join(os.tmpdir(), 'vigil-code-cache');
  // A reinstalled TypeScript has another size or time: its cache is another file, never bytecode of other source.
  const stat = fs.statSync(file);
  return path.join(folder, `typescript-${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
}

function load(): CodeCacheOutcome {
  const file = require.resolve('typescript');
  if (require.cache[file]) return 'loaded already';
  const cacheFile = cacheFileFor(file);
  if (cacheFile === undefined) return 'off';
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // None yet: this run makes it.
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const loaded = new Module(file, module);
  loaded.filename = file;
  const dir = path.dirname(file);
  (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dir);
  loaded.loaded = true;
  require.cache[file] = loaded;
  const outcome = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (outcome !== 'accepted') {
    unsaved = () => writeCache(cacheFile, script);
    if (isMainThread) process.once('exit', saveTypescriptCodeCache);
  }
  return outcome;
}

/** How to write this thread's cache, until it is written: set when TypeScript was compiled from source. */
let unsaved: (() => void) | undefined;

/**
 * Writes the code cache now, with the functions compiled so far, if this thread compiled TypeScript from source;
 * once per thread. The main thread does it as the process exits; a scan worker, which is terminated rather than
 * left to exit, does it once it has analysed a batch, or a user whose scans all ran on workers would never get one.
 */
export function saveTypescriptCodeCache(): void {
  const save = unsaved;
  unsaved = undefined;
  save?.();
}

/** Written whole under another name first: another process may be reading the file meanwhile. */
function writeCache(cacheFile: string, script: vm.Script): void {
  const partial = `${cacheFile}.${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, cacheFile);
  } catch {
    // A read-only or full temp folder: the next run compiles from source again.
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

function loadOrFallBack(): CodeCacheOutcome {
  try {
    return load();
  } catch {
    return 'failed';
  }
}

export const typescriptCodeCache: CodeCacheOutcome = loadOrFallBack();
