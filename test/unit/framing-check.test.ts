/** The framing check follows an LSP byte stream however it is cut into chunks, and names the first fault. */
import * as assert from 'node:assert/strict';
import { FramingCheck } from '../../server/src/lsp/framing-check';

const frame = (body: string, extra = ''): string => `Content-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
const feedAll = (chunks: readonly (string | Buffer)[]): string | undefined => {
  const check = new FramingCheck();
  let fault: string | undefined;
  for (const chunk of chunks) fault = check.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return fault;
};

describe('LSP framing check', () => {
  const valid = frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"x":"é\\r\\n\\r\\n"}}')
    + frame('{}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n') + frame('');

  it('finds no fault in valid frames, cut at every byte', () => {
    const bytes = Buffer.from(valid);
    assert.equal(feedAll([bytes]), undefined);
    for (let cut = 1; cut < bytes.length; cut++) assert.equal(feedAll([bytes.subarray(0, cut), bytes.subarray(cut)]), undefined, `cut at ${cut}`);
    assert.equal(feedAll([...bytes].map((b) => Buffer.from([b]))), undefined);
  });

  it('names a bad length, a missing length, bare \\n separators, stray bytes and an endless header', () => {
    assert.match(feedAll([valid, 'Content-Length: abc\r\n\r\n{}'])!, /Content-Length that is not a number/);
    assert.match(feedAll(['Content-Length: -5\r\n\r\n'])!, /not a number/);
    assert.match(feedAll(['Content-Type: x\r\n\r\n{}'])!, /without Content-Length/);
    assert.match(feedAll(['Content-Length: 2\n\n{}'])!, /bare \\n/);
    assert.match(feedAll([Buffer.from([0, 1, 255, 13, 10, 13, 10])])!, /not "Name: value"/);
    assert.match(feedAll(['x'.repeat(9000)])!, /without an end/);
  });

  it('keeps naming the first fault', () => {
    const check = new FramingCheck();
    const first = check.feed(Buffer.from('Content-Length: x\r\n\r\n'));
    assert.equal(check.feed(Buffer.from(valid)), first);
  });
});
