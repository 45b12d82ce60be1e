// expect: none
import * as fs from 'node:fs';

/** A report's text. */
export function readReport(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Where to go back to after signing in. */
export function backTo(http: { redirect(url: string): void }, target: string): void {
  http.redirect(target);
}
