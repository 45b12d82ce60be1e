/**
 * Where the names the incremental analysis follows occur in the text as whole words. Following a name searches the
 * whole text, and an edit that reaches a large class follows a hundred names: 12 ms of such an edit in a
 * 10,000-line file. The document's analysis keeps the positions of the names it followed; after an edit they are
 * moved, and the text is searched again only around the edit.
 */
import type { Reach } from './coupling';
import type { TextChange } from './plan';

export class WordPositions {
  /** The names asked of this text: the ones the next text keeps positions for. */
  private readonly asked = new Set<string>();

  constructor(
    readonly text: string,
    private readonly known = new Map<string, readonly number[]>(),
  ) {}

  /** The offsets where `name` (not empty) starts with no identifier character either side, in order. */
  of(name: string): readonly number[] {
    this.asked.add(name);
    let found = this.known.get(name);
    if (!found) this.known.set(name, (found = occurrences(this.text, name, 0, this.text.length)));
    return found;
  }

  /**
   * The positions in `change.after` of the names asked of this text, which must be `change.before`. An occurrence
   * whose characters and neighbours the edit left is moved; around the edit the new text is searched.
   */
  after(change: TextChange): WordPositions {
    const region = change.region;
    const known = new Map<string, readonly number[]>();
    for (const name of this.asked) {
      const before = this.known.get(name);
      if (!before) continue;
      if (!region) {
        known.set(name, before);
        continue;
      }
      const delta = region.newEnd - region.oldEnd;
      const moved: number[] = [];
      for (const at of before) if (at + name.length < region.start) moved.push(at);
      moved.push(...occurrences(change.after, name, Math.max(0, region.start - name.length), region.newEnd));
      for (const at of before) if (at - 1 >= region.oldEnd) moved.push(at + delta);
      known.set(name, moved);
    }
    return new WordPositions(change.after, known);
  }
}

/**
 * Where `name` starts as a whole word at an offset in `[from, to]`. Every start is tried, so that a search of part of
 * the text finds what a search of all of it finds there.
 */
function occurrences(text: string, name: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(name, from); at !== -1 && at <= to; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) out.push(at);
  }
  return out;
}

/** ASCII letters, digits, `_`, `$`, and anything past ASCII (a name may hold any letter). */
function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code > 127;
}

/**
 * Offsets where `name` occurs as a whole word of identifier characters in `words.text`; for a member, only after
 * `this.` (or `this?.`).
 */
export function* wordsIn(words: WordPositions, name: string, reach: Reach): Generator<number> {
  // A name the parser made up for a missing identifier is empty: it occurs nowhere.
  if (name === '') return;
  const text = words.text;
  for (const at of words.of(name)) {
    if (reach === 'member' && !afterThis(text, at)) continue;
    if (reach === 'read' && !readInChain(text, at, at + name.length)) continue;
    yield at;
  }
}

/**
 * Whether the word at `[at, end)` is part of a member chain (a `.` before it, or a `.`, `[` or `(` after it) that is
 * read: not `x.word = …` nor `word.name = …`.
 */
function readInChain(text: string, at: number, end: number): boolean {
  const dotBefore = at > 0 && text.charCodeAt(at - 1) === 46;
  let i = end;
  while (i < text.length && whitespace.test(text[i])) i++;
  const next = text[i];
  if (!dotBefore && next !== '.' && next !== '[' && next !== '(') return false;
  // Past one `.name` after it, then spaces: a lone `=` there assigns to the chain.
  if (next === '.') {
    i++;
    while (i < text.length && whitespace.test(text[i])) i++;
    while (i < text.length && isIdentifierChar(text.charCodeAt(i))) i++;
    while (i < text.length && whitespace.test(text[i])) i++;
  }
  return !(text[i] === '=' && text[i + 1] !== '=' && text[i + 1] !== '>');
}

/** Whether `this.` or `this?.`, then only whitespace, ends at `at`, all within the 12 characters before it. */
function afterThis(text: string, at: number): boolean {
  const from = Math.max(0, at - 12);
  let i = at - 1;
  while (i >= from && whitespace.test(text[i])) i--;
  if (i < from || text.charCodeAt(i) !== 46) return false;
  i--;
  if (i >= from && text.charCodeAt(i) === 63) i--;
  return i - 3 >= from && text.startsWith('this', i - 3);
}

const whitespace = /\s/;
