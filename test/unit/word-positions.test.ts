/**
 * The positions of names kept across edits (incremental/word-positions.ts): moved past an edit and searched again
 * around it, they are where a search of the whole new text finds the names, whatever the edit.
 */
import * as assert from 'node:assert/strict';
import { TextChange } from '../../server/src/core/incremental/plan';
import { WordPositions } from '../../server/src/core/incremental/word-positions';

/** A small deterministic generator, so that a failure names the seed that makes it again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const names = ['user', 'users', 'id', 'find', 'a-b', 'é'];
const pieces = ['user', 'users', 'id', 'find', 'a-b', 'é', ' ', '.', '(', ')', 'x', '_', '$', '\n', 'this.', 'a', 'b', '-'];

describe('word positions', () => {
  it('finds whole words only: no identifier character on either side', () => {
    const words = new WordPositions('user users _user user$ (user) this.user;user');
    assert.deepEqual(words.of('user'), [0, 24, 35, 40]);
  });

  it('moves the positions past an edit to where a fresh search finds them, edit after edit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
      let text = Array.from({ length: 60 }, () => pick(pieces)).join('');
      let words = new WordPositions(text);
      for (const name of names) words.of(name);
      for (let edit = 0; edit < 30; edit++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 4));
        const typed = next() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(pieces)).join('');
        const edited = text.slice(0, start) + typed + text.slice(end);
        words = words.after(new TextChange(text, edited));
        text = edited;
        for (const name of names) assert.deepEqual(words.of(name), new WordPositions(text).of(name), `seed ${seed}, edit ${edit}, ${JSON.stringify(name)} in ${JSON.stringify(text)}`);
      }
    }
  });
});
