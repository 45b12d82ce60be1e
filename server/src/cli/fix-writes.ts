/**
 * Writing `--fix` results: only into files whose real path is inside one of the roots the scan was given (a
 * symbolic link found by the walk or named on the command line can lead anywhere).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type FixWrite = { written: true } | { written: false; skipped: string } | { written: false; error: string };

/** The real paths fixes may be written under: a folder argument's own, a file argument's folder's. */
export function fixRoots(paths: readonly string[]): string[] {
  const roots: string[] = [];
  for (const named of paths) {
    try {
      const full = path.resolve(named);
      roots.push(fs.realpathSync(fs.statSync(full).isDirectory() ? full : path.dirname(full)));
    } catch {
      // A path that cannot be read is reported by the file discovery; it contributes no root.
    }
  }
  return roots;
}

function inside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function writeFixes(file: string, fixed: string, roots: readonly string[]): FixWrite {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    return { written: false, error: `fixes could not be written: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  if (!roots.some((root) => inside(real, root))) {
    return { written: false, skipped: `not fixed: it is a symbolic link to ${real}, outside the paths scanned` };
  }
  try {
    fs.writeFileSync(real, fixed);
    return { written: true };
  } catch (e) {
    return { written: false, error: `fixes could not be written: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}
