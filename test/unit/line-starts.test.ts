/**
 * The line starts a document's analysis keeps and moves past each edit (incremental/line-starts.ts) are TypeScript's
 * for the new text, and give the positions TypeScript gives, whatever line breaks the edit typed, deleted or split.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { TextChange } from '../../server/src/core/incremental/plan';
import { Random } from '../fuzz/random';
import { LineStarts } from '../../server/src/core/incremental/line-starts';

const pieces = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\u2028', '\u2029', 'x = 1;', '\n\n'];

describe('line starts', () => {
  it('give the positions TypeScript gives, for a text and after each edit of it', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = new Random(seed);
      let text = Array.from({ length: 30 }, () => random.pick(pieces)).join('');
      let lines = LineStarts.of(text);
      for (let edit = 0; edit <= 30; edit++) {
        const tree = ts.createSourceFile('x.js', text, ts.ScriptTarget.Latest);
        for (let at = 0; at <= text.length; at++) {
          const expected = tree.getLineAndCharacterOfPosition(at);
          assert.deepEqual(lines.range(at, at).start, { line: expected.line, character: expected.character }, `seed ${seed}, edit ${edit}, offset ${at} in ${JSON.stringify(text)}`);
        }
        const start = random.int(text.length + 1);
        const end = Math.min(text.length, start + random.int(4));
        const typed = random.chance(0.3) ? '' : random.pick(pieces);
        const edited = text.slice(0, start) + typed + text.slice(end);
        lines = lines.after(new TextChange(text, edited));
        text = edited;
      }
    }
  });
});
