/**
 * The server's side of inserted blocks over the real protocol: `vigil/insertedBlocks` marks the findings in
 * fresh code and feeds the `vigil.focus` filter; `vigil/reviewChecklist` answers a block's questions; a client
 * that sends no blocks gets every finding, unmarked.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  insertedBlocksNotification, reviewChecklistRequest, type InsertedBlock, type InsertedBlocksParams, type ReviewChecklistResult,
} from '../../shared/src/protocol';
import { LspClient, fileUri } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';

const appText = fs.readFileSync(path.join(repoRoot, 'examples/express-pg-app/src/app.js'), 'utf8');
const lines = appText.split('\n');
const loginStart = lines.findIndex((l) => l.startsWith("app.post('/login'"));
const loginEnd = lines.findIndex((l, i) => i > loginStart && l === '});');
const loginRoute: InsertedBlock['range'] = { start: { line: loginStart, character: 0 }, end: { line: loginEnd, character: 3 } };
const loginRules = ['missing-rate-limit', 'sql-injection', 'plaintext-password', 'jwt-missing-expiry', 'hardcoded-secret'];
const marked = /\(In code inserted (just now|\d+ minutes? ago), not yet reviewed\.\)$/;

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const inLogin = (d: Diagnostic) => d.range.start.line >= loginStart && d.range.start.line <= loginEnd;

describe('language server: inserted blocks', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;
  let uri: string;

  const sendBlocks = (blocks: InsertedBlock[], version = 1) =>
    client.connection.sendNotification(insertedBlocksNotification, { uri, version, blocks } satisfies InsertedBlocksParams);
  const setFocus = (focus: string) => {
    client.settings = { focus };
    return client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-blocks-'));
    fs.mkdirSync(path.join(folder, 'src'));
    fs.writeFileSync(path.join(folder, 'src/app.js'), appText);
    uri = fileUri(path.join(folder, 'src/app.js'));
    client = new LspClient({ settings: {} });
    await client.initialize(folder);
    await client.open(uri, appText);
    await client.diagnosticsFor(uri, { includePast: true });
  });

  afterEach(async () => {
    const code = await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    assert.equal(code, 0, `server exited with ${code}; stderr:\n${client.stderr}`);
  });

  it('marks the findings in an unreviewed block with its age, keeping their codes and data', async () => {
    const before = (await client.diagnosticsFor(uri, { includePast: true })).diagnostics;
    await sendBlocks([{ range: loginRoute, insertedAt: Date.now() - 2 * 60_000 - 1000, reviewed: false }]);
    const after = (await client.diagnosticsFor(uri, { version: 1, where: (ds) => ds.some((d) => marked.test(messageOf(d))) })).diagnostics;
    const login = after.filter(inLogin);
    assert.deepEqual([...new Set(login.map((d) => String(d.code)))].sort(), [...loginRules].sort());
    for (const d of login) assert.match(messageOf(d), /\(In code inserted 2 minutes ago, not yet reviewed\.\)$/);
    assert.deepEqual(after.map((d) => [d.code, d.data, d.range]), before.map((d) => [d.code, d.data, d.range]));
    // Code actions still find the findings behind marked diagnostics.
    const jwt = login.find((d) => d.code === 'jwt-missing-expiry')!;
    const actions = await client.codeActions({ textDocument: { uri }, range: jwt.range, context: { diagnostics: [jwt] } });
    assert.ok(actions.some((a) => a.title === 'Add expiry'), actions.map((a) => a.title).join(' | '));

    await sendBlocks([{ range: loginRoute, insertedAt: Date.now(), reviewed: true }]);
    const reviewed = (await client.diagnosticsFor(uri, { version: 1 })).diagnostics;
    assert.ok(reviewed.every((d) => !marked.test(messageOf(d))));
  });

  it('focus "inserted" shows only the findings in unreviewed blocks; none once reviewed', async () => {
    const extra = `${appText}\nconst other = jwt.sign({ id: 1 }, process.env.KEY);\n`;
    await client.change(uri, 2, [{ text: extra }]);
    await client.diagnosticsFor(uri, { version: 2 });
    await setFocus('inserted');
    // The client has sent no blocks yet: everything shows.
    const all = (await client.diagnosticsFor(uri, { version: 2 })).diagnostics;
    assert.ok(all.some((d) => !inLogin(d)));
    await sendBlocks([{ range: loginRoute, insertedAt: Date.now(), reviewed: false }], 2);
    const focused = (await client.diagnosticsFor(uri, { version: 2 })).diagnostics;
    assert.ok(focused.length >= loginRules.length);
    assert.ok(focused.every(inLogin), JSON.stringify(focused.map((d) => d.range.start.line)));
    await sendBlocks([{ range: loginRoute, insertedAt: Date.now(), reviewed: true }], 2);
    assert.deepEqual((await client.diagnosticsFor(uri, { version: 2 })).diagnostics, []);
    await setFocus('all');
    assert.equal((await client.diagnosticsFor(uri, { version: 2 })).diagnostics.length, all.length);
  });

  it('focus "changed" adds the findings on lines changed since the last commit', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Vigil', '-c', 'user.email=vigil@example.invalid', ...args], { cwd: folder, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'seed');
    const added = `${appText}const refresh = jwt.sign({ id: 1 }, process.env.KEY);\n`;
    fs.writeFileSync(path.join(folder, 'src/app.js'), added);
    const addedLine = added.split('\n').length - 2;
    await client.change(uri, 2, [{ text: added }]);
    await client.diagnosticsFor(uri, { version: 2 });
    await sendBlocks([], 2);
    await client.diagnosticsFor(uri, { version: 2 });
    await setFocus('changed');
    const changed = (await client.diagnosticsFor(uri, { version: 2 })).diagnostics;
    assert.deepEqual(changed.map((d) => [d.code, d.range.start.line]), [['jwt-missing-expiry', addedLine]]);
  });

  it('focus "changed" outside git keeps the inserted blocks\' findings only', async () => {
    await sendBlocks([{ range: loginRoute, insertedAt: Date.now(), reviewed: false }]);
    await client.diagnosticsFor(uri, { version: 1, where: (ds) => ds.some((d) => marked.test(messageOf(d))) });
    await setFocus('changed');
    const changed = (await client.diagnosticsFor(uri, { version: 1 })).diagnostics;
    assert.ok(changed.length >= loginRules.length && changed.every(inLogin));
  });

  it("answers a block's review checklist from its findings and its code", async () => {
    const result = await client.connection.sendRequest(reviewChecklistRequest, { uri, range: loginRoute }) as ReviewChecklistResult;
    const ids = result.items.map((i) => i.id);
    for (const id of ['request:rate-limit', 'sql:parameters', 'password:hashed', 'token:expiry', 'secret:environment', 'request:validated', 'read']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join()}`);
    }
    assert.ok(result.items.every((i) => i.question.endsWith('?') && i.reason.length > 0));
    const none = await client.connection.sendRequest(reviewChecklistRequest, { uri: fileUri(path.join(folder, 'closed.js')), range: loginRoute }) as ReviewChecklistResult;
    assert.deepEqual(none, { items: [] });
  });

  it('drops malformed block notifications and keeps serving', async () => {
    await client.connection.sendNotification(insertedBlocksNotification, { uri, version: 1, blocks: [{ range: 'everything' }] });
    await client.connection.sendNotification(insertedBlocksNotification, null);
    await client.change(uri, 2, [{ text: appText }]);
    const { diagnostics } = await client.diagnosticsFor(uri, { version: 2 });
    assert.ok(diagnostics.some((d) => d.code === 'jwt-missing-expiry') && diagnostics.every((d) => !marked.test(messageOf(d))));
  });
});
