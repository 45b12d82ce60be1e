/**
 * The line starts a document's analysis keeps and moves past each edit (incremental/line-starts.ts) are TypeScript's
 * for the new text, and give the positions TypeScript gives, whatever line breaks the edit typed, deleted or split.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { TextChange } from '../../server/src/core/incremental/plan';
import { LineStarts } from '../../server/src/core/incremental/line-starts';

/** A small deterministic generator, so that a failure names the seed that makes it again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const pieces = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\u2028', '\u2029', 'x = 1;', '\n\n'];

describe('line starts', () => {
  it('give the positions TypeScript gives, for a text and after each edit of it', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
      let text = Array.from({ length: 30 }, () => pick(pieces)).join('');
      let lines = LineStarts.of(text);
      for (let edit = 0; edit <= 30; edit++) {
        const tree = ts.createSourceFile('x.js', text, ts.ScriptTarget.Latest);
        for (let at = 0; at <= text.length; at++) {
          const expected = tree.getLineAndCharacterOfPosition(at);
          assert.deepEqual(lines.range(at, at).start, { line: expected.line, character: expected.character }, `seed ${seed}, edit ${edit}, offset ${at} in ${JSON.stringify(text)}`);
        }
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 4));
        const typed = next() < 0.3 ? '' : pick(pieces);
        const edited = text.slice(0, start) + typed + text.slice(end);
        lines = lines.after(new TextChange(text, edited));
        text = edited;
      }
    }
  });
});
