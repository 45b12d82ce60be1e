/**
 * The positions of names kept across edits (incremental/word-positions.ts): moved past an edit and searched again
 * around it, they are where a search of the whole new text finds the names, whatever the edit.
 */
import * as assert from 'node:assert/strict';
import { TextChange } from '../../server/src/core/incremental/plan';
import { Random } from '../fuzz/random';
import { WordPositions } from '../../server/src/core/incremental/word-positions';

const names = ['user', 'users', 'id', 'find', 'a-b', 'é'];
const pieces = ['user', 'users', 'id', 'find', 'a-b', 'é', ' ', '.', '(', ')', 'x', '_', '$', '\n', 'this.', 'a', 'b', '-'];

describe('word positions', () => {
  it('finds whole words only: no identifier character on either side', () => {
    const words = new WordPositions('user users _user user$ (user) this.user;user');
    assert.deepEqual(words.of('user'), [0, 24, 35, 40]);
  });

  it('moves the positions past an edit to where a fresh search finds them, edit after edit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = new Random(seed);
      let text = Array.from({ length: 60 }, () => random.pick(pieces)).join('');
      let words = new WordPositions(text);
      for (const name of names) words.of(name);
      for (let edit = 0; edit < 30; edit++) {
        const start = random.int(text.length + 1);
        const end = Math.min(text.length, start + random.int(4));
        const typed = random.chance(0.3) ? '' : Array.from({ length: 1 + random.int(2) }, () => random.pick(pieces)).join('');
        const edited = text.slice(0, start) + typed + text.slice(end);
        words = words.after(new TextChange(text, edited));
        text = edited;
        for (const name of names) assert.deepEqual(words.of(name), new WordPositions(text).of(name), `seed ${seed}, edit ${edit}, ${JSON.stringify(name)} in ${JSON.stringify(text)}`);
      }
    }
  });
});
