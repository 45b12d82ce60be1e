/**
 * The path rules look at: the file's path relative to its project folder, with `/`. Folder names above the
 * project (a checkout under `~/bin/`, a CI workspace under `/tmp/test/`) say nothing about the file.
 */
import * as path from 'node:path';

export function projectPathOf(fileName: string, projectRoot: string | undefined): string {
  if (projectRoot !== undefined && path.isAbsolute(fileName)) {
    const relative = path.relative(projectRoot, fileName);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  }
  return fileName.split(path.sep).join('/');
}
