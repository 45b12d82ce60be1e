/**
 * Writing `--fix` results: only into files whose real path is inside one of the roots the scan was given (a
 * symbolic link found by the walk or named on the command line can lead anywhere), and only the bytes of the
 * region the fixes changed; every byte before and after it is copied from the file as it was read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from './source-file';

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

/** UTF-16 lengths of the common start and end of two texts, never splitting a surrogate pair. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && /[\uD800-\uDBFF]/.test(a[prefix - 1])) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (suffix > 0 && /[\uDC00-\uDFFF]/.test(a[a.length - suffix])) suffix--;
  return { prefix, suffix };
}

/** The file's bytes with the changed region of `fixed` spliced in. */
export function splicedBytes(source: SourceFile, fixed: string): Buffer {
  const { prefix, suffix } = commonEnds(source.text, fixed);
  const head = source.bomBytes + Buffer.byteLength(source.text.slice(0, prefix), 'utf8');
  const tail = Buffer.byteLength(source.text.slice(source.text.length - suffix), 'utf8');
  return Buffer.concat([
    source.bytes.subarray(0, head),
    Buffer.from(fixed.slice(prefix, fixed.length - suffix), 'utf8'),
    source.bytes.subarray(source.bytes.length - tail),
  ]);
}

export function writeFixes(file: string, source: SourceFile, fixed: string, roots: readonly string[]): FixWrite {
  if (!source.validUtf8) return { written: false, skipped: 'not fixed: the file is not valid UTF-8, and Vigil changes no byte it cannot read' };
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
    fs.writeFileSync(real, splicedBytes(source, fixed));
    return { written: true };
  } catch (e) {
    return { written: false, error: `fixes could not be written: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}
