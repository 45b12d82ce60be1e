/**
 * The server never goes silent or out of step: a document nested past what the parser can follow gets an info
 * diagnostic in place of the old version's findings, and a change whose range is given end first is applied as
 * the text document library applies it, so the tree and the text stay the same; so is a change whose range lies
 * past the end of the document, and the changes after it land where the client put them.
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
  this.timeout(120_000);
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

  it('applies a change whose range lies past the last line at the end, and the next change where the client put it', async () => {
    const uri = fileUri(path.join(folder, 'a.js'));
    const first = "const jwt = require('jsonwebtoken');";
    await client.open(uri, first);
    await client.diagnosticsFor(uri, { version: 1, includePast: true });
    // Lines 2 to 4 do not exist: the text goes at the end. The text document library, given these lines as they
    // are, left holes in its line table, and the next change was applied to the wrong text.
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 4, character: 5 } }, text: '\nconst x = 1;\n' }]);
    await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'const t = jwt.sign({ id: 1 }, process.env.KEY);\n' }]);
    const incremental = (await client.diagnosticsFor(uri, { version: 3 })).diagnostics;

    const fresh = fileUri(path.join(folder, 'b.js'));
    await client.open(fresh, `${first}\nconst t = jwt.sign({ id: 1 }, process.env.KEY);\nconst x = 1;\n`);
    const expected = (await client.diagnosticsFor(fresh, { version: 1 })).diagnostics;
    assert.deepEqual(expected.map((d) => `${String(d.code)}@${d.range.start.line}`), ['jwt-missing-expiry@1']);
    assert.deepEqual(summary(incremental), summary(expected));
  });
});
