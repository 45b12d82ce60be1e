/**
 * `vigil.focus: "changed"` asks git about the repository of an open file; a repository can name programs for git
 * to run (an fsmonitor hook, clean filters, textconv and external diff drivers, hooks). This opens such a
 * repository in the real server and proves that none of them ran, while the changed lines are still found; and
 * that git is not run at all in an untrusted workspace or for a file outside the workspace folders.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { insertedBlocksNotification, workspaceTrustedNotification } from '../../shared/src/protocol';
import { LspClient, fileUri } from '../harness/lsp-client';

const committed = "const jwt = require('jsonwebtoken');\nconst a = jwt.sign({ id: 1 }, process.env.KEY);\n";
const saved = `${committed}const b = jwt.sign({ id: 2 }, process.env.KEY);\n`;

/** A repository whose config and attributes make git run `trap.sh`, which appends to `marker`. */
function trappedRepository(root: string): { folder: string; marker: string } {
  const folder = path.join(root, 'repo');
  fs.mkdirSync(folder);
  const marker = path.join(root, 'marker');
  const trap = path.join(root, 'trap.sh');
  fs.writeFileSync(trap, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Vigil', '-c', 'user.email=vigil@example.invalid', ...args], { cwd: folder, stdio: 'pipe' });
  git('init', '-q');
  fs.writeFileSync(path.join(folder, 'app.js'), committed);
  git('add', '.');
  git('commit', '-q', '-m', 'seed');
  for (const [key, value] of [
    ['core.fsmonitor', trap], ['diff.trap.textconv', trap], ['diff.trap.command', trap], ['diff.external', trap],
    ['filter.trap.clean', trap], ['filter.trap.smudge', trap], ['core.pager', trap], ['core.hooksPath', root],
  ]) git('config', key, value);
  for (const hook of ['post-index-change', 'reference-transaction', 'post-checkout']) fs.copyFileSync(trap, path.join(root, hook));
  fs.writeFileSync(path.join(folder, '.git', 'info', 'attributes'), '* diff=trap filter=trap\n');
  fs.writeFileSync(path.join(folder, '.gitattributes'), '* diff=trap filter=trap\n');
  fs.writeFileSync(path.join(folder, 'app.js'), saved);
  return { folder, marker };
}

describe('language server: git never runs what a repository names', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-git-'));
  });
  afterEach(async () => {
    if (client) assert.equal(await client.stop(), 0, client.stderr);
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function focusChanged(folder: string, file: string, initializationOptions?: Record<string, unknown>): Promise<LspClient> {
    const lsp = new LspClient({ settings: { focus: 'changed' }, initializationOptions });
    await lsp.initialize(folder);
    const uri = fileUri(file);
    await lsp.open(uri, fs.readFileSync(file, 'utf8'));
    await lsp.connection.sendNotification(insertedBlocksNotification, { uri, version: 1, blocks: [] });
    return lsp;
  }
  const jwtLines = (diagnostics: { code?: unknown; range: { start: { line: number } } }[]): number[] =>
    diagnostics.filter((d) => d.code === 'jwt-missing-expiry').map((d) => d.range.start.line);

  it('finds the changed lines of a trapped repository and runs none of its programs', async () => {
    const { folder, marker } = trappedRepository(root);
    // The trap is real: plain git runs it.
    execFileSync('git', ['diff', 'HEAD'], { cwd: folder, stdio: 'pipe' });
    assert.ok(fs.existsSync(marker), 'plain git diff should have run the trap');
    fs.rmSync(marker);

    client = await focusChanged(folder, path.join(folder, 'app.js'));
    const uri = fileUri(path.join(folder, 'app.js'));
    const { diagnostics } = await client.diagnosticsFor(uri, { version: 1, includePast: true, where: (ds) => jwtLines(ds).length === 1 });
    assert.deepEqual(jwtLines(diagnostics), [2]);
    assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
  });

  it('runs no git in an untrusted workspace until trust is granted', async () => {
    const { folder, marker } = trappedRepository(root);
    client = await focusChanged(folder, path.join(folder, 'app.js'), { workspaceTrusted: false });
    const uri = fileUri(path.join(folder, 'app.js'));
    // Without git, "changed" knows only the inserted blocks (none here).
    const untrusted = await client.diagnosticsFor(uri, { version: 1, includePast: true });
    assert.deepEqual(jwtLines(untrusted.diagnostics), []);
    await client.connection.sendNotification(workspaceTrustedNotification, {});
    const trusted = await client.diagnosticsFor(uri, { version: 1, where: (ds) => jwtLines(ds).length === 1 });
    assert.deepEqual(jwtLines(trusted.diagnostics), [2]);
    assert.equal(fs.existsSync(marker), false);
  });

  it('runs no git for a file outside the workspace folders', async () => {
    const { folder, marker } = trappedRepository(root);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-git-folder-'));
    try {
      client = await focusChanged(elsewhere, path.join(folder, 'app.js'));
      const uri = fileUri(path.join(folder, 'app.js'));
      const { diagnostics } = await client.diagnosticsFor(uri, { version: 1, includePast: true });
      assert.deepEqual(jwtLines(diagnostics), []);
      assert.equal(fs.existsSync(marker), false);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
