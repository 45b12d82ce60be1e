/** How a message names another file of the project: relative to the file it is about, with `/`. */
import * as path from 'node:path';

export function relativePath(from: string, to: string): string {
  return path.relative(path.dirname(from), to).split(path.sep).join('/');
}
