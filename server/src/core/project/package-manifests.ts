/**
 * The project's package.json files, read once each (until `reset`): the dependency ranges a rule's answer can
 * depend on (js-yaml 3's `load` runs code, 4's does not), and a workspace package's name and entry points for
 * module resolution. Unreadable or malformed files count as empty.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export interface PackageManifest {
  name?: string;
  /** Every declared dependency's range, from all the dependency fields. */
  dependencies: ReadonlyMap<string, string>;
  /** `exports` as written (a path, a map of subpaths, conditions). */
  exports?: unknown;
  main?: string;
  /** The programs the package installs (`bin`, a path or a map of names to paths). */
  bin?: string[];
}

const empty: PackageManifest = { dependencies: new Map() };

function parse(text: string): PackageManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof parsed !== 'object' || parsed === null) return empty;
  const value = parsed as Record<string, unknown>;
  const dependencies = new Map<string, string>();
  for (const field of dependencyFields) {
    const deps = value[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, range] of Object.entries(deps)) if (typeof range === 'string' && !dependencies.has(name)) dependencies.set(name, range);
  }
  return {
    ...(typeof value.name === 'string' ? { name: value.name } : {}),
    dependencies,
    ...(value.exports !== undefined ? { exports: value.exports } : {}),
    ...(typeof value.main === 'string' ? { main: value.main } : {}),
    ...binsOf(value.bin),
  };
}

function binsOf(bin: unknown): { bin?: string[] } {
  if (typeof bin === 'string') return { bin: [bin] };
  if (typeof bin !== 'object' || bin === null) return {};
  const paths = Object.values(bin).filter((v): v is string => typeof v === 'string');
  return paths.length > 0 ? { bin: paths } : {};
}

export class PackageManifests {
  private readonly byFile = new Map<string, PackageManifest | undefined>();

  /** The manifest at `file` (a package.json path); undefined when there is none. */
  read(file: string): PackageManifest | undefined {
    if (this.byFile.has(file)) return this.byFile.get(file);
    let manifest: PackageManifest | undefined;
    try {
      manifest = parse(fs.readFileSync(file, 'utf8'));
    } catch {
      manifest = undefined;
    }
    this.byFile.set(file, manifest);
    return manifest;
  }

  /** The range the nearest package.json above `fileName` that lists `dependency` declares for it. */
  declaredRange(fileName: string, dependency: string): string | undefined {
    for (let dir = path.dirname(path.resolve(fileName)); ; dir = path.dirname(dir)) {
      const range = this.read(path.join(dir, 'package.json'))?.dependencies.get(dependency);
      if (range !== undefined) return range;
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  reset(): void {
    this.byFile.clear();
  }
}

/**
 * The one major version a range allows (`^3.14.1`, `~3.13`, `3.x`, `=3.0.0` → 3), or undefined when it
 * allows several or is not a version (`>=3`, `*`, `latest`, a git URL).
 */
export function singleMajor(range: string): number | undefined {
  const m = /^\s*[\^~=v]?\s*(\d+)(\.(\d+|x|\*)){0,2}(-[\w.]+)?\s*$/.exec(range);
  return m ? Number(m[1]) : undefined;
}
