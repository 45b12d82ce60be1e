/**
 * The language server over its real protocol: spawned as `vigil-language-server --stdio`, driven by
 * vscode-languageserver-protocol as a client would. Expectations come from the example's `// expect:` markers
 * and the registry, so the tests keep holding as rules are added.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import {
  CodeAction,
  Diagnostic,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  TextEdit,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core/analyze';
import { editedDocumentsKept } from '../../server/src/core/document-trees';
import { applyEdits } from '../../server/src/core/fix';
import { ruleById, ruleIds } from '../../server/src/core/registry';
import { docsUrl } from '../../server/src/core/rule';
import { expectations, expectedPlaces, flaggedFixtures, placeOf } from '../harness/fixtures';
import { LspClient, fileUri } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';
import { serverEnv, serverExecArgv } from '../../shared/src/server-process';

const appText = fs.readFileSync(path.join(repoRoot, 'examples/express-pg-app/src/app.js'), 'utf8');

const text = (m: { message: unknown }): string => (typeof m.message === "string" ? m.message : JSON.stringify(m.message));

function vigilOnly(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'vigil');
}

/** `line:column` of each diagnostic of `ruleId`, in document order, as fixtures state them. */
function placesOf(diagnostics: Diagnostic[], ruleId: string): string[] {
  const starts = diagnostics.filter((d) => d.code === ruleId).map((d) => d.range.start);
  return starts.sort((a, b) => a.line - b.line || a.character - b.character).map(placeOf);
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `"${action.title}" has no edit for ${uri}`);
  return edits;
}

describe('language server (stdio)', function () {
  this.timeout(60_000);
  let folder: string;
  let client: LspClient;
  let n = 0;
  const newUri = (name = 'app.js'): string => fileUri(path.join(folder, 'src', `${n++}-${name}`));

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lsp-'));
    fs.mkdirSync(path.join(folder, 'src'));
    client = new LspClient({ settings: {} });
    await client.initialize(folder);
  });

  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    assert.equal(code, 0, `server exited with ${code}; stderr:\n${client.stderr}`);
  });

  it('advertises incremental sync, its code action kinds and its command', async () => {
    const other = new LspClient({ settings: {} });
    try {
      const { capabilities, serverInfo } = await other.initialize(folder);
      assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.vigil'] });
      assert.deepEqual(capabilities.executeCommandProvider, { commands: ['vigil.openDocs'] });
      assert.equal(serverInfo?.name, 'vigil');
      // Watchers and settings are registered dynamically where the client allows it.
      await other.diagnostics.next(() => false, 200, 'registrations').catch(() => undefined);
      assert.ok(other.registrations.includes('workspace/didChangeWatchedFiles'));
      assert.ok(other.registrations.includes('workspace/didChangeConfiguration'));
    } finally {
      await other.stop();
    }
  });

  it("publishes the login route's findings with codes, docs links and data", async () => {
    const uri = newUri();
    await client.open(uri, appText);
    const { diagnostics, version } = await client.diagnosticsFor(uri);
    assert.equal(version, 1);
    const jwt = diagnostics.find((d) => d.code === 'jwt-missing-expiry');
    assert.ok(jwt, 'no jwt-missing-expiry diagnostic');
    assert.equal(jwt.source, 'vigil');
    assert.deepEqual(jwt.codeDescription, { href: docsUrl('jwt-missing-expiry') });
    const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };
    assert.equal(jwt.severity, severities[ruleById('jwt-missing-expiry')!.meta.defaultSeverity]);
    assert.deepEqual(jwt.data, { ruleId: 'jwt-missing-expiry', category: 'security', version: 1, index: (jwt.data as { index: number }).index });
    for (const id of ruleIds) assert.deepEqual(placesOf(diagnostics, id), expectedPlaces(appText, id), `places of ${id}`);
    assert.ok(diagnostics.every((d) => d.source === 'vigil' && typeof d.code === 'string'));
  });

  it('offers every fix of the findings in range, and applying one clears its finding', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    const published = vigilOnly((await client.diagnosticsFor(uri)).diagnostics);
    const local = analyze({ text: appText, fileName: path.join(folder, 'app.js') }).findings;
    let version = 1;
    for (const finding of local.filter((f) => f.fixes.length > 0)) {
      // Each fix is tried on the original text: reset the document first.
      await client.change(uri, ++version, [{ text: appText }]);
      const diagnostics = vigilOnly((await client.diagnosticsFor(uri, { version })).diagnostics);
      const inRange = diagnostics.filter((d) => d.code === finding.ruleId && d.range.start.line === finding.range.start.line);
      assert.equal(inRange.length, 1, `${finding.ruleId} at line ${finding.range.start.line}`);
      const actions = await client.codeActions({ textDocument: { uri }, range: finding.range, context: { diagnostics: inRange } });
      const titles = actions.map((a) => a.title);
      for (const fix of finding.fixes) assert.ok(titles.includes(fix.title), `"${fix.title}" not in ${JSON.stringify(titles)}`);
      assert.ok(titles.includes(`Ignore ${finding.ruleId} on this line`));
      assert.ok(titles.includes(`Show documentation for ${finding.ruleId}`));
      if (ruleIds.includes('sql-injection') && finding.ruleId === 'sql-injection') assert.ok(titles.some((t) => t.startsWith('Parameterize query')));
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0].title, (finding.fixes.find((f) => f.safe) ?? finding.fixes[0]).title);

      // Sent as incremental changes, last first, so each range holds against the text before it.
      const edits = editsFor(preferred[0], uri);
      const expected = applyEdits(appText, edits);
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      await client.change(uri, ++version, sorted.map((e) => ({ range: e.range, text: e.newText })));
      const after = vigilOnly((await client.diagnosticsFor(uri, { version })).diagnostics);
      const count = (ds: Diagnostic[]): number => ds.filter((d) => d.code === finding.ruleId).length;
      assert.equal(count(after), count(diagnostics) - 1, `"${preferred[0].title}" did not clear ${finding.ruleId}`);
      const again = analyze({ text: expected, fileName: path.join(folder, 'app.js') }).findings;
      assert.equal(again.filter((f) => f.ruleId === finding.ruleId).length, count(after), 'server and core disagree on the fixed text');
    }
    assert.ok(published.some((d) => d.code === 'jwt-missing-expiry'));
  });

  it('"Ignore <rule> on this line" writes the suppression comment and the finding goes', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    const jwt = (await client.diagnosticsFor(uri)).diagnostics.find((d) => d.code === 'jwt-missing-expiry')!;
    const actions = await client.codeActions({ textDocument: { uri }, range: jwt.range, context: { diagnostics: [jwt] } });
    const ignore = actions.find((a) => a.title === 'Ignore jwt-missing-expiry on this line')!;
    const edits = editsFor(ignore, uri);
    const text = applyEdits(appText, edits);
    const line = text.split('\n')[jwt.range.start.line];
    assert.equal(line, '    // vigil-ignore-next-line jwt-missing-expiry');
    await client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const after = (await client.diagnosticsFor(uri, { version: 2 })).diagnostics;
    assert.equal(after.filter((d) => d.code === 'jwt-missing-expiry').length, 0);
  });

  it('"Show documentation" runs vigil.openDocs, which shows the link', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    const jwt = (await client.diagnosticsFor(uri)).diagnostics.find((d) => d.code === 'jwt-missing-expiry')!;
    const actions = await client.codeActions({ textDocument: { uri }, range: jwt.range, context: { diagnostics: [jwt] } });
    const docs = actions.find((a) => a.title === 'Show documentation for jwt-missing-expiry')!;
    assert.deepEqual(docs.command, { title: docs.title, command: 'vigil.openDocs', arguments: [docsUrl('jwt-missing-expiry')] });
    // Only a rule's own page: a path that climbs out of the docs, or an unknown rule, shows nothing.
    for (const bad of [`${docsUrl('jwt-missing-expiry')}/../../../../evil`, docsUrl('no-such-rule'), 'https://example.invalid/']) {
      await client.connection.sendRequest('workspace/executeCommand', { command: 'vigil.openDocs', arguments: [bad] });
    }
    await client.connection.sendRequest('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    // This client has no window/showDocument support: the link comes as a message.
    await client.messages.next((m) => text(m).includes(docsUrl('jwt-missing-expiry')), 2000, 'the docs link', true);
    assert.deepEqual(client.messages.all.filter((m) => /Vigil documentation/.test(text(m))).map(text), [`Vigil documentation: ${docsUrl('jwt-missing-expiry')}`]);
  });

  it('publishes only the latest version after a burst of 20 changes', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    await client.diagnosticsFor(uri, { version: 1 });
    const before = client.diagnostics.all.length;
    for (let v = 2; v <= 21; v++) {
      void client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? ' ' : '\n' }]);
    }
    const last = await client.diagnosticsFor(uri, { version: 21 });
    const published = client.diagnostics.all.slice(before).filter((p) => p.uri === uri);
    assert.deepEqual(published.map((p) => p.version), [21]);
    // Ten inserted lines push every finding down by ten.
    const shifted = expectations(appText, 'jwt-missing-expiry').map((e) => placeOf({ line: e.line + 10, character: e.column - 1 }));
    assert.deepEqual(placesOf(last.diagnostics, 'jwt-missing-expiry'), shifted);
  });

  it('source.fixAll.vigil applies exactly the safe fixes', async () => {
    // Several kinds of faults: the login route and every registered rule's flagged fixtures.
    const text = [appText, ...ruleIds.flatMap((id) => flaggedFixtures(id).map((f) => f.text))].join('\n');
    const fileName = path.join(folder, 'src', 'many.ts');
    const uri = fileUri(fileName);
    await client.open(uri, text, 1, 'typescript');
    await client.diagnosticsFor(uri);
    const before = analyze({ text, fileName }).findings;
    const actions = await client.codeActions({
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.vigil'] },
    });
    assert.ok(actions.every((a) => a.kind === 'source.fixAll.vigil'));
    if (!before.some((f) => f.fixes.some((x) => x.safe))) {
      assert.deepEqual(actions, [], 'fixAll offered with no safe fix');
      assert.ok(before.some((f) => f.fixes.length > 0), 'the test document should hold unsafe fixes');
      return;
    }
    assert.equal(actions.length, 1);
    const fixed = applyEdits(text, editsFor(actions[0], uri));
    const after = analyze({ text: fixed, fileName }).findings;
    assert.equal(after.filter((f) => f.fixes.some((x) => x.safe)).length, 0, 'a safe fix is left');
    // Unsafe-only findings are untouched: as many of them per rule as before.
    const unsafeOnly = (fs: typeof before, id: string): number => fs.filter((f) => f.ruleId === id && f.fixes.length > 0 && !f.fixes.some((x) => x.safe)).length;
    for (const id of ruleIds) assert.equal(unsafeOnly(after, id), unsafeOnly(before, id), `unsafe fixes of ${id} were applied`);
  });

  it('re-validates open documents when vigil.config.json changes', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    assert.ok((await client.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'jwt-missing-expiry'));
    const configFile = path.join(folder, 'vigil.config.json');
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'jwt-missing-expiry': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 1 }] });
    const off = await client.diagnosticsFor(uri, { version: 1, where: (ds) => !ds.some((d) => d.code === 'jwt-missing-expiry') });
    assert.equal(off.diagnostics.filter((d) => d.code === 'jwt-missing-expiry').length, 0);
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'jwt-missing-expiry': 'warning' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 2 }] });
    const warning = await client.diagnosticsFor(uri, { version: 1, where: (ds) => ds.some((d) => d.code === 'jwt-missing-expiry') });
    assert.deepEqual(warning.diagnostics.filter((d) => d.code === 'jwt-missing-expiry').map((d) => d.severity), [DiagnosticSeverity.Warning]);
  });

  it('a bad config file gives exactly one warning naming it, and the defaults are used', async () => {
    const configFile = path.join(folder, 'vigil.config.json');
    const uris = [newUri(), newUri(), newUri()];
    for (const uri of uris) await client.open(uri, appText);
    for (const uri of uris) await client.diagnosticsFor(uri, { includePast: true });
    fs.writeFileSync(configFile, '{ "rules": { "jwt-missing-expiry": ');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 2 }] });
    const after = await Promise.all(uris.map((uri) => client.diagnosticsFor(uri)));
    for (const p of after) assert.ok(p.diagnostics.some((d) => d.code === 'jwt-missing-expiry'), 'defaults not used');
    // Messages precede the diagnostics they concern on the stream: all of them have arrived by now.
    assert.equal(client.messages.all.length, 1, JSON.stringify(client.messages.all));
    assert.equal(client.messages.all[0].type, 2);
    assert.ok(text(client.messages.all[0]).includes(configFile));
  });

  it('applies settings per resource on top of the config, and warns once about a bad setting', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    await client.diagnosticsFor(uri);
    client.settings = { rules: { 'jwt-missing-expiry': 'hint' }, debounceMs: 'soon' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // A re-validation queued before the settings arrived (the project index becoming ready) may publish the old
    // severity first: the assertion is on the publish that carries the hint, which must come.
    const hinted = await client.diagnosticsFor(uri, { version: 1, where: (ds) => ds.some((d) => d.code === 'jwt-missing-expiry' && d.severity === DiagnosticSeverity.Hint) });
    assert.deepEqual(hinted.diagnostics.filter((d) => d.code === 'jwt-missing-expiry').map((d) => d.severity), [DiagnosticSeverity.Hint]);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await client.diagnosticsFor(uri, { version: 2 });
    assert.deepEqual(client.messages.all.map((m) => text(m).includes('"vigil.debounceMs"')), [true]);
    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await client.diagnosticsFor(uri, { version: 2, where: (ds) => ds.length === 0 })).diagnostics, []);
  });

  it('skips a 5 MB document and a binary one with one info diagnostic, and keeps serving', async () => {
    const big = newUri('big.js');
    const line = "const a = require('x'); // padding to make a generated bundle\n";
    await client.open(big, line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)));
    const binary = newUri('binary.js');
    await client.open(binary, 'const a = 1;\u0000\u0001\u0002 jwt.sign({}, k);');
    for (const uri of [big, binary]) {
      const { diagnostics } = await client.diagnosticsFor(uri);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
      assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(text(diagnostics[0]), /not analysed/);
    }
    await client.change(big, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.equal((await client.diagnosticsFor(big, { version: 2 })).diagnostics.length, 1);
    const uri = newUri();
    await client.open(uri, appText);
    assert.ok((await client.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'jwt-missing-expiry'));
  });

  it('answers malformed and unknown messages with protocol errors and keeps serving', async () => {
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    client.writeRaw(frame('{"jsonrpc":"2.0","id":99,"method":'));
    client.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"contentChanges":7}}'));
    client.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}'));
    client.writeRaw(frame('{"jsonrpc":"2.0","method":"vigil/noSuchNotification","params":{}}'));
    await assert.rejects(client.connection.sendRequest('vigil/noSuchRequest', {}), (e: { code?: number }) => e.code === ErrorCodes.MethodNotFound);
    // A known request with nonsense params: guarded, answered with nothing rather than an exception.
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: 'nope' }), []);
    // Params of the wrong shape altogether: vscode-jsonrpc answers with an error response.
    await assert.rejects(client.connection.sendRequest('textDocument/codeAction', null), (e: { code?: number }) => typeof e.code === 'number');
    const uri = newUri();
    await client.open(uri, appText);
    assert.ok((await client.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'jwt-missing-expiry'));
  });

  it('analyses a document typed into again after others were as a fresh one, and fixes documents only opened', async () => {
    const shape = (ds: Diagnostic[]): string[] => vigilOnly(ds).map((d) => `${d.code}@${placeOf(d.range.start)}-${placeOf(d.range.end)} ${d.message}`).sort();
    const typedAt = (text: string, line: number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } => {
      const character = text.split('\n')[line].length;
      return { range: { start: { line, character }, end: { line, character } }, text: ' ' };
    };
    const app = newUri();
    await client.open(app, appText);
    await client.diagnosticsFor(app, { version: 1 });
    await client.change(app, 2, [typedAt(appText, 3)]);
    await client.diagnosticsFor(app, { version: 2 });
    // As many other documents typed into: the app is no longer among the recently edited ones.
    for (let i = 0; i <= editedDocumentsKept; i++) {
      const other = newUri(`other${i}.js`);
      const text = `const value${i} = eval(process.argv[2]);\n`;
      await client.open(other, text);
      await client.change(other, 2, [typedAt(text, 0)]);
      await client.diagnosticsFor(other, { version: 2 });
    }
    const lines = appText.split('\n');
    lines[3] += ' ';
    const at = lines.findIndex((l) => l.includes("app.post('/login'"));
    await client.change(app, 3, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '// typed again\n' }]);
    lines.splice(at, 0, '// typed again');
    const typed = vigilOnly((await client.diagnosticsFor(app, { version: 3 })).diagnostics);
    const fresh = newUri();
    await client.open(fresh, lines.join('\n'));
    assert.deepEqual(shape(typed), shape((await client.diagnosticsFor(fresh, { version: 1 })).diagnostics));
    assert.ok(typed.some((d) => d.code === 'jwt-missing-expiry'));

    // The lightbulb and fix-all read the analysis cached when the document was opened.
    const token = newUri('token.js');
    const tokenText = 'function generateToken() {\n  return Math.random().toString(36).substring(2, 15);\n}\nmodule.exports = { generateToken };\n';
    await client.open(token, tokenText);
    const found = vigilOnly((await client.diagnosticsFor(token, { version: 1 })).diagnostics).filter((d) => d.code === 'insecure-randomness');
    assert.equal(found.length, 1);
    const quickFixes = await client.codeActions({ textDocument: { uri: token }, range: found[0].range, context: { diagnostics: found } });
    assert.ok(quickFixes.some((a) => a.kind === 'quickfix' && a.edit), JSON.stringify(quickFixes.map((a) => a.title)));
    const fixAll = await client.codeActions({ textDocument: { uri: token }, range: found[0].range, context: { diagnostics: [], only: ['source.fixAll.vigil'] } });
    assert.equal(fixAll.length, 1);
    const fixed = applyEdits(tokenText, editsFor(fixAll[0], token));
    assert.deepEqual(analyze({ text: fixed, fileName: path.join(folder, 'src', 'token.js') }).findings.filter((f) => f.ruleId === 'insecure-randomness'), []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = newUri();
    await client.open(uri, appText);
    assert.ok((await client.diagnosticsFor(uri)).diagnostics.length > 0);
    await client.close(uri);
    assert.deepEqual((await client.diagnosticsFor(uri)).diagnostics, []);
  });
});

describe('language server (node-ipc)', function () {
  this.timeout(60_000);

  it('serves over IPC as the VS Code client starts it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-ipc-'));
    const child = fork(path.join(repoRoot, 'bin', 'vigil-language-server.js'), ['--node-ipc'], {
      execArgv: [...serverExecArgv],
      env: { ...process.env, ...serverEnv },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: fileUri(folder), capabilities: {}, workspaceFolders: null });
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = fileUri(path.join(folder, 'app.js'));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text: appText } });
      const { diagnostics } = await published;
      assert.ok(diagnostics.some((d) => d.code === 'jwt-missing-expiry'));
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
