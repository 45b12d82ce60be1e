/**
 * Which file of the project a module specifier names, as Node and TypeScript would find it: relative paths with
 * or without their extension (`./db`, `./db.js` for `db.ts`), `index` files, tsconfig `paths` and `baseUrl`, and
 * the packages of a monorepo by name, through their `exports` or `main`. Resolution is against the files the
 * index knows, so an open document that is not yet saved resolves like one on disk.
 */
import * as path from 'node:path';
import { type ModuleAliases, aliasTargets } from './tsconfig-paths';
import type { PackageManifest } from './package-manifests';

export interface WorkspacePackage {
  dir: string;
  manifest: PackageManifest;
}

/** The project's files, asked only whether one is there (the index's own map answers, no copy made). */
export type FileSet = Pick<ReadonlySet<string>, 'has'>;

export interface ResolutionContext {
  files: FileSet;
  /** Workspace packages by name. */
  packages: ReadonlyMap<string, WorkspacePackage>;
  aliasesFor(dir: string): ModuleAliases;
}

const extensions = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
/** What a compiled import names and the source beside it: `./db.js` is `./db.ts` in a TypeScript project. */
const sourceOf: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
/** Conditions read in `exports`, the source-like first. */
const conditions = ['source', 'development', 'import', 'require', 'node', 'default', 'types'];

export function resolveModule(specifier: string, fromFile: string, context: ResolutionContext): string | undefined {
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return fileAt(path.resolve(path.dirname(fromFile), specifier), context.files);
  }
  if (specifier.startsWith('/')) return undefined;
  for (const target of aliasTargets(specifier, context.aliasesFor(path.dirname(fromFile)))) {
    const found = fileAt(target, context.files);
    if (found) return found;
  }
  return packageFile(specifier, context);
}

/** The file `base` names: itself, with an extension, its source, or its folder's index. */
export function fileAt(base: string, files: FileSet): string | undefined {
  if (files.has(base)) return base;
  for (const ext of extensions) if (files.has(base + ext)) return base + ext;
  const ext = path.extname(base);
  for (const source of sourceOf[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + source;
    if (files.has(candidate)) return candidate;
  }
  for (const ext of extensions) {
    const index = path.join(base, `index${ext}`);
    if (files.has(index)) return index;
  }
  return undefined;
}

/** `@acme/db` or `@acme/db/users`: a workspace package, through its `exports`, `main`, or its folders. */
function packageFile(specifier: string, context: ResolutionContext): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const pkg = context.packages.get(parts.slice(0, nameLength).join('/'));
  if (!pkg) return undefined;
  const subpath = parts.slice(nameLength).join('/');
  const entries = [
    ...exportTargets(pkg.manifest.exports, subpath === '' ? '.' : `./${subpath}`),
    ...(subpath === '' && pkg.manifest.main ? [pkg.manifest.main] : []),
    subpath,
    subpath === '' ? 'src' : `src/${subpath}`,
  ];
  for (const entry of entries) {
    const target = path.resolve(pkg.dir, entry);
    const found = fileAt(target, context.files) ?? fileAt(builtToSource(target), context.files);
    if (found) return found;
  }
  return undefined;
}

/**
 * The files a package's users start from: its `main` (else its folder's index), its `exports` root and its `bin`
 * programs, read from `src/` when they name a build folder.
 */
export function packageEntryFiles(dir: string, manifest: PackageManifest, files: FileSet): string[] {
  const entries = [...exportTargets(manifest.exports, '.'), manifest.main ?? 'index', ...(manifest.bin ?? [])];
  const out: string[] = [];
  for (const entry of entries) {
    const target = path.resolve(dir, entry);
    const found = fileAt(target, files) ?? fileAt(builtToSource(target), files);
    if (found) out.push(found);
  }
  return out;
}

/** Packages built to `dist/` or `lib/` are read from `src/` in the repository. */
function builtToSource(target: string): string {
  return target.replace(/([\\/])(dist|build|lib|out)([\\/])/, '$1src$3').replace(/\.d\.ts$|\.js$/, '');
}

/** The paths `exports` maps `subpath` to (`"."`, `"./users"`, a `"./*"` pattern), under any condition. */
function exportTargets(exports: unknown, subpath: string): string[] {
  if (typeof exports === 'string') return subpath === '.' ? [exports] : [];
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return [];
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.length > 0 && !keys[0].startsWith('.')) return subpath === '.' ? conditionTargets(map) : [];
  if (subpath in map) return conditionTargets(map[subpath]);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const head = key.slice(0, star);
    const tail = key.slice(star + 1);
    if (subpath.startsWith(head) && subpath.endsWith(tail)) {
      const middle = subpath.slice(head.length, subpath.length - tail.length);
      return conditionTargets(map[key]).map((t) => t.replace('*', middle));
    }
  }
  return [];
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value !== 'object' || value === null) return [];
  const map = value as Record<string, unknown>;
  return conditions.filter((c) => c in map).flatMap((c) => conditionTargets(map[c]));
}
