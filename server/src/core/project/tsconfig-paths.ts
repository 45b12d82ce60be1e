/**
 * The module aliases a tsconfig.json (or jsconfig.json) declares: `compilerOptions.baseUrl` and `paths`,
 * following relative `extends` a few levels. Read once per config file until `reset`.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

export interface ModuleAliases {
  /** The folder bare specifiers are also looked up in. */
  baseUrl?: string;
  /** Patterns (`@/*`) with their targets as absolute paths (`/app/src/*`). */
  paths: readonly { pattern: string; targets: readonly string[] }[];
}

const none: ModuleAliases = { paths: [] };
const configNames = ['tsconfig.json', 'jsconfig.json'];

interface RawOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Where relative `paths` targets are read from: the baseUrl, else the config declaring them. */
  pathsBase?: string;
}

export class TsconfigPaths {
  private readonly byFolder = new Map<string, ModuleAliases>();
  private readonly byConfig = new Map<string, RawOptions>();

  /** The aliases for a file in `dir`: from the nearest config at or above it, not above `stop`. */
  aliasesFor(dir: string, stop: string): ModuleAliases {
    const cached = this.byFolder.get(dir);
    if (cached) return cached;
    let aliases = none;
    for (let d = dir; ; d = path.dirname(d)) {
      const config = configNames.map((n) => path.join(d, n)).find((f) => ts.sys.fileExists(f));
      if (config) {
        aliases = toAliases(this.options(config, 0));
        break;
      }
      if (d === stop || path.dirname(d) === d) break;
    }
    this.byFolder.set(dir, aliases);
    return aliases;
  }

  reset(): void {
    this.byFolder.clear();
    this.byConfig.clear();
  }

  private options(file: string, depth: number): RawOptions {
    const cached = this.byConfig.get(file);
    if (cached) return cached;
    this.byConfig.set(file, {});
    const { config } = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
    const dir = path.dirname(file);
    let options: RawOptions = {};
    const extended = config?.extends;
    if (typeof extended === 'string' && extended.startsWith('.') && depth < 4) {
      const target = path.resolve(dir, extended.endsWith('.json') ? extended : `${extended}.json`);
      if (ts.sys.fileExists(target)) options = { ...this.options(target, depth + 1) };
    }
    const compilerOptions = config?.compilerOptions as Record<string, unknown> | undefined;
    if (typeof compilerOptions?.baseUrl === 'string') options.baseUrl = path.resolve(dir, compilerOptions.baseUrl);
    if (typeof compilerOptions?.paths === 'object' && compilerOptions.paths !== null) {
      options.paths = compilerOptions.paths as Record<string, string[]>;
      options.pathsBase = dir;
    }
    this.byConfig.set(file, options);
    return options;
  }
}

function toAliases(options: RawOptions): ModuleAliases {
  const base = options.baseUrl ?? options.pathsBase;
  const paths = Object.entries(options.paths ?? {}).flatMap(([pattern, targets]) =>
    Array.isArray(targets) && base !== undefined ? [{ pattern, targets: targets.filter((t) => typeof t === 'string').map((t) => path.resolve(base, t)) }] : [],
  );
  return { ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}), paths };
}

/** The targets `specifier` maps to under `aliases` (`@/lib/db` with `@/*` → `src/*` gives `src/lib/db`). */
export function aliasTargets(specifier: string, aliases: ModuleAliases): string[] {
  const out: string[] = [];
  for (const { pattern, targets } of aliases.paths) {
    const star = pattern.indexOf('*');
    if (star === -1) {
      if (pattern === specifier) out.push(...targets);
      continue;
    }
    const head = pattern.slice(0, star);
    const tail = pattern.slice(star + 1);
    if (!specifier.startsWith(head) || !specifier.endsWith(tail) || specifier.length < head.length + tail.length) continue;
    const middle = specifier.slice(head.length, specifier.length - tail.length);
    out.push(...targets.map((t) => t.replace('*', middle)));
  }
  if (aliases.baseUrl !== undefined && !specifier.startsWith('.')) out.push(path.resolve(aliases.baseUrl, specifier));
  return out;
}
