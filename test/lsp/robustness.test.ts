/**
 * The server never goes silent or out of step: a document nested past what the parser can follow gets an info
 * diagnostic in place of the old version's findings, and a change whose range is given end first is applied as
 * the text document library applies it, so the tree and the text stay the same.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';

const appText = fs.readFileSync(path.join(repoRoot, 'examples/express-pg-app/src/app.js'), 'utf8');
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${messageOf(d)}`);

/** Callbacks nested far deeper than the parser's recursion goes (a few hundred levels already exhaust it). */
const nested = (depth: number): string => `const fs = require('fs');\n${'fs.readFile("a", function (e, d) {\n'.repeat(depth)}console.log(d);\n${'});\n'.repeat(depth)}`;

describe('language server: never silent, never out of step', function () {
  this.timeout(20000);
  let folder: string;
  let client: LspClient;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-robust-'));
    client = new LspClient({ settings: {} });
    await client.initialize(folder);
  });
  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    assert.equal(code, 0, `server exited with ${code}; stderr:\n${client.stderr}`);
  });

  it('replaces the findings of a document nested too deeply with one info diagnostic, and recovers', async () => {
    const uri = fileUri(path.join(folder, 'app.js'));
    await client.open(uri, appText);
    const before = (await client.diagnosticsFor(uri, { version: 1, includePast: true })).diagnostics;
    assert.ok(before.length > 3);
    await client.change(uri, 2, [{ text: nested(5000) }]);
    const deep = (await client.diagnosticsFor(uri, { version: 2, timeoutMs: 15000 })).diagnostics;
    assert.equal(deep.length, 1, summary(deep).join('\n'));
    assert.equal(deep[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(deep[0]), /nested too deeply/);
    await client.change(uri, 3, [{ text: appText }]);
    assert.deepEqual(summary((await client.diagnosticsFor(uri, { version: 3 })).diagnostics), summary(before));
  });

  it('applies a change whose range is given end first, as the text document library does', async () => {
    const uri = fileUri(path.join(folder, 'a.js'));
    const original = "const jwt = require('jsonwebtoken');\nconst token = jwt.sign({ id: 1 }, process.env.KEY, { expiresIn: '1h' });\n";
    await client.open(uri, original);
    await client.diagnosticsFor(uri, { version: 1, includePast: true });
    // Deletes `, { expiresIn: '1h' }` with the range's end before its start.
    const from = original.indexOf(", { expiresIn");
    const to = original.indexOf(');\n', from);
    await client.change(uri, 2, [{ range: { start: { line: 1, character: to - original.indexOf('\n') - 1 }, end: { line: 1, character: from - original.indexOf('\n') - 1 } }, text: '' }]);
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'module.exports = token;\n' }]);
    const edited = `${original.slice(0, from)}${original.slice(to)}module.exports = token;\n`;
    const incremental = (await client.diagnosticsFor(uri, { version: 3 })).diagnostics;

    const fresh = fileUri(path.join(folder, 'b.js'));
    await client.open(fresh, edited);
    const expected = (await client.diagnosticsFor(fresh, { version: 1 })).diagnostics;
    assert.ok(expected.some((d) => d.code === 'jwt-missing-expiry'));
    assert.deepEqual(summary(incremental), summary(expected));
  });
});
