/**
 * Fixes are written with `\n`; a file written with `\r\n` must get `\r\n` in what a fix inserts, or the fix
 * leaves a file with mixed line endings (and a diff that touches lines it did not change). The ending used is
 * the one of the line the edit is on, so a file that already mixes them stays as it was around each edit.
 */

/** The line ending of the line holding `offset`: the next one after it, else the last one before it, else `\n`. */
export function lineEndingAt(text: string, offset: number): '\n' | '\r\n' {
  const next = text.indexOf('\n', offset);
  const at = next !== -1 ? next : text.lastIndexOf('\n', offset - 1);
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** `inserted` with every line break written as the line ending at `offset` of `text`. */
export function withLineEndingsOf(text: string, offset: number, inserted: string): string {
  if (!inserted.includes('\n')) return inserted;
  const ending = lineEndingAt(text, offset);
  return inserted.replace(/\r?\n/g, ending);
}
