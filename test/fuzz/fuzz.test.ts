/**
 * The fuzzers, in their short form (`npm run fuzz` runs the long one): a seeded run of random and malformed
 * messages and edit sequences against the real server, which must end with no crash, hang, stale publish or
 * mismatch; and the pathological documents, each of which must get a publish while the server keeps serving.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fuzz } from './lsp-fuzzer';
import { pathologicalDocuments } from './pathological';
import { RawClient } from './raw-client';

describe('fuzz: the language server under random, malformed and pathological input', function () {
  this.timeout(180_000);

  // Six documents edited at once, as in the long run.
  it('survives a seeded run of random messages and edit sequences, with no stale publish and no mismatch', async () => {
    const counts = await fuzz({ seed: 1, messages: 1500, sequences: 40, parallel: 6 });
    assert.ok(counts.messagesSent >= 2000, `only ${counts.messagesSent} messages sent`);
    assert.deepEqual(
      { crashes: counts.crashes, hangs: counts.hangs, stalePublishes: counts.stalePublishes, mismatches: counts.mismatches },
      { crashes: 0, hangs: 0, stalePublishes: 0, mismatches: 0 },
      counts.problems.join('\n'),
    );
  });

  it('publishes for every pathological document, and for 200 documents opened at once, and keeps serving', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-patho-')));
    const client = new RawClient({});
    const published = new Map<string, PublishDiagnosticsParams>();
    client.onPublish((p) => published.set(p.uri, p));
    try {
      assert.ok(await client.initialize(pathToFileURL(root).href));
      const uris: string[] = [];
      for (const doc of pathologicalDocuments()) uris.push(pathToFileURL(path.join(root, doc.name)).href);
      for (let i = 0; i < 200; i++) uris.push(pathToFileURL(path.join(root, `many-${i}.js`)).href);
      pathologicalDocuments().forEach((doc, i) => client.notify('textDocument/didOpen', { textDocument: { uri: uris[i], languageId: doc.name.endsWith('.tsx') ? 'typescriptreact' : doc.name.endsWith('.ts') ? 'typescript' : 'javascript', version: 1, text: doc.text } }));
      for (let i = 0; i < 200; i++) {
        client.notify('textDocument/didOpen', { textDocument: { uri: uris[pathologicalDocuments().length + i], languageId: 'javascript', version: 1, text: `const jwt = require('jsonwebtoken');\nexport const t${i} = jwt.sign({ id: ${i} }, process.env.KEY);\n` } });
      }
      const deadline = Date.now() + 150_000;
      while (uris.some((u) => !published.has(u)) && Date.now() < deadline && client.alive) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(uris.filter((u) => !published.has(u)).map((u) => path.basename(u)), [], client.stderr);
      const deep = published.get(uris[0])!;
      assert.match(String(deep.diagnostics[0]?.message), /nested too deeply/);
      const probe = await client.request('textDocument/codeAction', { textDocument: { uri: uris[uris.length - 1] }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: published.get(uris[uris.length - 1])!.diagnostics } }, 20_000);
      assert.ok(probe?.result, 'the server still answers');
      assert.equal(await client.stop(), 0, client.stderr);
    } finally {
      if (client.alive) client.process.kill('SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
