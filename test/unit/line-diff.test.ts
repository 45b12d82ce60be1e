/**
 * The changed lines `vigil.focus: "changed"` shows, computed in-process from the committed and the saved text
 * (so that git never reads the work tree): the lines a shortest edit script inserts, line endings ignored.
 */
import * as assert from 'node:assert/strict';
import { addedLines } from '../../server/src/lsp/line-diff';

const lines = (...values: string[]): string => values.join('\n');
const added = (before: string, after: string): number[] | 'all' => {
  const result = addedLines(before, after);
  return result === 'all' ? result : [...result].sort((a, b) => a - b);
};

describe('changed lines (line diff)', () => {
  it('finds nothing in an unchanged text, and ignores CRLF against LF', () => {
    assert.deepEqual(added(lines('a', 'b', 'c'), lines('a', 'b', 'c')), []);
    assert.deepEqual(added(lines('a', 'b', 'c'), 'a\r\nb\r\nc'), []);
  });

  it('reports replaced and inserted lines, not deleted ones', () => {
    assert.deepEqual(added(lines('a', 'b', 'c', 'd'), lines('a', 'B', 'c', 'd')), [1]);
    assert.deepEqual(added(lines('a', 'b', 'c'), lines('a', 'x', 'y', 'b', 'c')), [1, 2]);
    assert.deepEqual(added(lines('a', 'b', 'c', 'd'), lines('a', 'd')), []);
    assert.deepEqual(added(lines('a', 'b'), lines('x', 'a', 'b', 'y')), [0, 3]);
  });

  it('finds a shortest script around repeated lines', () => {
    // Myers' own example: ABCABBA → CBABAC needs 5 edits, of which 2 insertions.
    assert.deepEqual(added(lines(...'ABCABBA'), lines(...'CBABAC')).length, 2);
    assert.deepEqual(added(lines('}', '}', '}'), lines('}', 'x', '}', '}')), [1]);
  });

  it('everything is new against an empty text; too many edits read as a rewrite', () => {
    assert.deepEqual(added('', lines('a', 'b')), [0, 1]);
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    assert.equal(added(before, after), 'all');
  });

  it('agrees with a brute-force longest common subsequence on random texts', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: random(12) }, () => 'abc'[random(3)]);
      const b = Array.from({ length: random(12) }, () => 'abc'[random(3)]);
      const result = added(a.join('\n'), b.join('\n'));
      assert.notEqual(result, 'all');
      const kept = b.filter((_, i) => !(result as number[]).includes(i));
      // The lines kept are a common subsequence of both, and as long as the longest one.
      assert.ok(isSubsequence(kept, a), `${a} → ${b}: kept ${kept}`);
      assert.equal(kept.length, lcsLength(a, b), `${a} → ${b}`);
    }
  });
});

function isSubsequence(sub: readonly string[], of: readonly string[]): boolean {
  let i = 0;
  for (const item of of) if (i < sub.length && sub[i] === item) i++;
  return i === sub.length;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  }
  return table[a.length][b.length];
}
