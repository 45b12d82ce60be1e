/**
 * The edges of the server's life, over the real process: requests before `initialize` get -32002, a stream whose
 * framing is broken makes the server say so and stop instead of going deaf, and a client that closes the
 * server's output sees it leave without a stack trace.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ErrorCodes } from 'vscode-languageserver-protocol/node';
import { LspClient, serverBin } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';

const frame = (message: object): string => {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

/** Runs the server on raw bytes; resolves with its exit code (null: still running at the deadline) and output. */
function runRaw(write: (stdin: NodeJS.WritableStream, stdout: NodeJS.ReadableStream & { destroy(): void }) => void, deadlineMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, stdout, stderr });
    }, deadlineMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    write(child.stdin, child.stdout);
  });
}

describe('language server: lifecycle edges', function () {
  this.timeout(120_000);

  it('answers a request before initialize with ServerNotInitialized, then serves', async () => {
    const client = new LspClient({ settings: {} });
    await assert.rejects(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///a.js' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      (e: { code?: number }) => e.code === ErrorCodes.ServerNotInitialized,
    );
    await client.initialize(repoRoot);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///a.js' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await client.stop(), 0, client.stderr);
  });

  for (const [name, bytes] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['header lines ended by a bare \\n', 'Content-Length: 2\n\n{}'],
    ['stray bytes', Buffer.from([0, 1, 2, 255, 13, 10, 13, 10])],
  ] as const) {
    it(`says what is wrong and stops on ${name}, rather than going deaf`, async () => {
      const run = await runRaw((stdin) => {
        stdin.write(frame(initialize));
        stdin.write(bytes);
      }, 20000);
      assert.equal(run.code, 1, `exit code; stderr: ${run.stderr}`);
      assert.match(run.stderr, /not framed as the Language Server Protocol requires/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('leaves quietly when the client closes its output', async () => {
    const run = await runRaw((stdin, stdout) => {
      stdin.write(frame(initialize));
      stdout.once('data', () => {
        stdout.destroy();
        stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
        for (let i = 0; i < 5; i++) {
          stdin.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `file:///tmp/vigil-closed-${i}.js`, languageId: 'javascript', version: 1, text: 'jwt.sign({}, "k");' } } }));
        }
      });
    }, 20000);
    assert.notEqual(run.code, null, 'the server should exit');
    assert.equal(run.stderr, '');
  });
});
