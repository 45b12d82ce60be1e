/** Real server-side code for the editor benches: whole files of a library's source, concatenated. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

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

/** What the editor benches type: a space at a line's end (layout), or a letter at an identifier's end (a token). */
export type EditKind = 'layout' | 'token';

export const editKinds: readonly EditKind[] = ['layout', 'token'];

export function isEditKind(name: string): name is EditKind {
  return (editKinds as readonly string[]).includes(name);
}

/** One edit of a typing sequence: `typed` inserted at (line, character), or (when `insert` is false) removed from there. */
export interface TypingEdit {
  version: number;
  line: number;
  character: number;
  insert: boolean;
  typed: string;
}

/**
 * The editor benches' typing, edit `version` from 2: an even version types at a pseudo-random place, the next odd
 * one takes it away, so the text goes back and forth. `layout`: a space at the end of a line. `token`: an `x` at the
 * end of an identifier inside a function body (a name being typed, the edit people make most), at identifiers
 * spread over the file.
 */
export function* typingEdits(text: string, edits: number, kind: EditKind = 'layout'): Generator<TypingEdit> {
  const lines = text.split('\n');
  const places = kind === 'layout' ? undefined : identifiersInBodies(text);
  let seed = 7;
  let place = { line: 0, character: 0 };
  for (let version = 2; version < edits + 2; version++) {
    if (version % 2 === 0) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      if (places && places.length > 0) place = places[seed % places.length];
      else place = { line: seed % lines.length, character: lines[seed % lines.length].length };
    }
    yield { version, ...place, insert: version % 2 === 0, typed: kind === 'layout' ? ' ' : 'x' };
  }
}

/** The line and character just past every identifier that lies inside a function's body braces. */
function identifiersInBodies(text: string): { line: number; character: number }[] {
  const sourceFile = ts.createSourceFile('typed.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out: { line: number; character: number }[] = [];
  const visit = (node: ts.Node, inBody: boolean): void => {
    if (inBody && ts.isIdentifier(node)) out.push(sourceFile.getLineAndCharacterOfPosition(node.end));
    const body = ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) ? node.body : undefined;
    ts.forEachChild(node, (child) => visit(child, inBody || child === body));
  };
  visit(sourceFile, false);
  return out;
}
