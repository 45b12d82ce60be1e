/** Real server-side code for the editor benches: whole files of a library's source, concatenated. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whole files of `dir`'s `.js` source, in name order, concatenated until the text has `lines` lines. */
export function realText(dir: string, lines: number): string {
  const files = listJs(dir);
  const parts: string[] = [];
  let count = 0;
  for (const file of files) {
    if (count >= lines) break;
    const text = fs.readFileSync(file, 'utf8');
    parts.push(text);
    count += text.split('\n').length;
  }
  return parts.join('\n').split('\n').slice(0, lines).join('\n');
}

export function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (/\.js$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The LSP bench's typing: edit `version` (from 2) adds a space at the end of a pseudo-random line, the next takes it away. */
export function* typingEdits(text: string, edits: number): Generator<{ version: number; line: number; character: number; insert: boolean }> {
  const lines = text.split('\n');
  let seed = 7;
  let line = 0;
  for (let version = 2; version < edits + 2; version++) {
    if (version % 2 === 0) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      line = seed % lines.length;
    }
    yield { version, line, character: lines[line].length, insert: version % 2 === 0 };
  }
}
