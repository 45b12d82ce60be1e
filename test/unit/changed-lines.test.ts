/** Reading git's -U0 patches: each file's new-side changed lines, including paths git quotes. */
import * as assert from 'node:assert/strict';
import { changedLinesOfPatch, touchesChange } from '../../server/src/git/changed-lines';
import { unquotePath } from '../../server/src/git/quoted-path';

describe('changed lines of a patch', () => {
  const patch = [
    'diff --git a/src/a.js b/src/a.js',
    'index 1..2 100644',
    '--- a/src/a.js',
    '+++ b/src/a.js',
    '@@ -3 +3 @@ x',
    '-old',
    '+new',
    '@@ -10,0 +11,2 @@',
    '+one',
    '+two',
    '@@ -20,2 +21,0 @@',
    '-gone',
    '-gone',
    'diff --git a/old.js b/old.js',
    '--- a/old.js',
    '+++ /dev/null',
    '@@ -1,2 +0,0 @@',
    '-x',
    '-y',
    'diff --git "a/caf\\303\\251 \\"x\\".js" "b/caf\\303\\251 \\"x\\".js"',
    '--- "a/caf\\303\\251 \\"x\\".js"',
    '+++ "b/caf\\303\\251 \\"x\\".js"',
    '@@ -0,0 +1 @@',
    '+z',
  ].join('\n');

  it('takes the new side of each hunk, 0-based, and skips deleted files and pure deletions', () => {
    const files = changedLinesOfPatch(patch);
    assert.deepEqual([...files.keys()], ['src/a.js', 'café "x".js']);
    assert.deepEqual([...(files.get('src/a.js') ?? [])], [2, 10, 11]);
    assert.deepEqual([...(files.get('café "x".js') ?? [])], [0]);
  });

  it('unquotes C-style paths with octal UTF-8 bytes and escapes', () => {
    assert.equal(unquotePath('"a\\tb\\\\c\\303\\251"'), 'a\tb\\cé');
  });

  it('a finding touches a change when any of its lines changed', () => {
    const lines = new Set([4]);
    assert.equal(touchesChange(lines, 2, 4), true);
    assert.equal(touchesChange(lines, 5, 9), false);
    assert.equal(touchesChange('all', 5, 9), true);
  });
});
