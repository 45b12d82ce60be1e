/**
 * The version range of a dependency as the file's project declares it: the nearest package.json, walking up
 * from the file, that lists the dependency. Read only when a rule's answer depends on a library's major
 * version (js-yaml 3's `load` runs code, 4's does not). Unreadable or malformed files count as not listing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

function listed(packageJson: string, dependency: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  for (const field of dependencyFields) {
    const deps = (parsed as Record<string, unknown>)[field];
    if (typeof deps !== 'object' || deps === null) continue;
    const range = (deps as Record<string, unknown>)[dependency];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/** The range the nearest package.json above `fileName` declares for `dependency`. */
export function declaredRange(fileName: string, dependency: string): string | undefined {
  let dir = path.dirname(path.resolve(fileName));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const range = listed(candidate, dependency);
      if (range !== undefined) return range;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
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
