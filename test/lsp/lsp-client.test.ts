/**
 * The client the protocol tests and `npm run bench:lsp` drive the server with (test/harness/lsp-client.ts): what it
 * leaves behind must not keep their process running once the server is gone.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

describe('the protocol tests\' LSP client', function () {
  this.timeout(60_000);

  it('lets its process end after a server that exited halfway through a message', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lsp-client-'));
    try {
      // A stand-in for a server whose last write was cut short by its exit.
      const server = path.join(folder, 'cut-short.js');
      fs.writeFileSync(server, `process.stdout.write('Content-Length: 100\\r\\n\\r\\n{"jsonrpc":"2.0"', () => process.exit(0));\n`);
      const client = path.join(__dirname, '..', 'harness', 'lsp-client.js');
      const script = [
        `const { LspClient } = require(${JSON.stringify(client)});`,
        `const c = new LspClient({ server: ${JSON.stringify(server)} });`,
        `c.process.on('close', () => c.stop().then((code) => console.log('stopped', code)));`,
      ].join('\n');
      const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ['-e', script]);
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        // A cap, not a speed check: the process ends at once, or never (the reader's timer re-arms every 10 s).
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve({ code: null, stdout });
        }, 40_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout });
        });
      });
      assert.match(run.stdout, /stopped 0/);
      assert.equal(run.code, 0, 'the process should end by itself');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
