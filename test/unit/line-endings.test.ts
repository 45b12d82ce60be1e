/** What a fix inserts takes the line ending of the line it is on (core/line-endings.ts). */
import * as assert from 'node:assert/strict';
import { lineEndingAt, withLineEndingsOf } from '../../server/src/core/line-endings';

describe('line endings of inserted text', () => {
  it('takes the ending of the line the edit is on, else the one before it, else LF', () => {
    const mixed = 'a\nb\r\nc';
    assert.equal(lineEndingAt(mixed, 0), '\n');
    assert.equal(lineEndingAt(mixed, 2), '\r\n');
    assert.equal(lineEndingAt(mixed, 5), '\r\n');
    assert.equal(lineEndingAt('one line', 3), '\n');
    assert.equal(lineEndingAt('\r\n', 0), '\r\n');
  });

  it('rewrites every break of the inserted text, and leaves text without breaks alone', () => {
    assert.equal(withLineEndingsOf('x\r\ny', 0, 'a\nb\r\nc\n'), 'a\r\nb\r\nc\r\n');
    assert.equal(withLineEndingsOf('x\ny', 0, 'a\r\nb\n'), 'a\nb\n');
    assert.equal(withLineEndingsOf('x\r\ny', 0, 'ab'), 'ab');
  });
});
