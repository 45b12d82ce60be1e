// Vigil through the vscode API: diagnostics, code actions and their edits, the commands.
'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const vscode = require('vscode');

const docsBase = 'https://github.com/vigil-dev/vigil/blob/main/docs/rules/';

const { waitFor, vigilDiagnostics, ruleOf } = require('./helpers');

// Every code-action provider is asked, the built-in TypeScript one too; while tsserver loads the project the
// command can reject with "Canceled". Ask again, as the editor does.
async function codeActions(uri, range) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range);
    } catch (error) {
      if (!/Canceled/.test(String(error && error.message)) || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function openLoginRoute() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, 'src/app.js');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

const jwtLine = (document) => document.getText().split('\n').findIndex((l) => l.includes('jwt.sign('));

describe('Vigil in the extension host', () => {
  let document;

  before(async () => {
    document = await openLoginRoute();
  });

  it('publishes findings with source vigil, the rule id as code and its docs link', async () => {
    const line = jwtLine(document);
    const finding = await waitFor('a jwt-missing-expiry diagnostic', () =>
      vigilDiagnostics(document.uri).find((d) => ruleOf(d) === 'jwt-missing-expiry' && d.range.start.line === line));
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(finding.message, /expiresIn/);
    assert.equal(String(finding.code.target), `${docsBase}jwt-missing-expiry.md`);
  });

  it('offers the rule\'s fix and "Ignore … on this line"; the fix\'s edit clears the finding', async () => {
    const line = jwtLine(document);
    const finding = vigilDiagnostics(document.uri).find((d) => ruleOf(d) === 'jwt-missing-expiry' && d.range.start.line === line);
    assert.ok(finding, 'the finding is still there');
    const actions = await codeActions(document.uri, finding.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Add expiry');
    assert.ok(fix && fix.edit, `"Add expiry" offered: ${titles.join(' | ')}`);
    assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `"Add expiry" is a quickfix (${fix.kind && fix.kind.value})`);
    assert.ok(titles.some((t) => /^Ignore jwt-missing-expiry\b/.test(t)), `an Ignore action: ${titles.join(' | ')}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.lineAt(line).text, /jwt\.sign\(\{ userId: user\.id \}, 'dev-secret-123', \{ expiresIn: '1h' \}\)/);
    await waitFor('the finding to go', () =>
      !vigilDiagnostics(document.uri).some((d) => ruleOf(d) === 'jwt-missing-expiry'));
    assert.ok(await document.save());
  });

  it('finds a fault typed into the file, as soon as it is typed', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, "\nconst refresh = jwt.sign({ userId: 1 }, process.env.KEY);\n"));
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('const refresh'));
    await waitFor('a finding on the typed line', () =>
      vigilDiagnostics(document.uri).find((d) => ruleOf(d) === 'jwt-missing-expiry' && d.range.start.line === line), 30000);
  });

  it('contributes "Vigil: Restart server" and "Vigil: Show output"; a restart serves again', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('vigil.restartServer') && commands.includes('vigil.showOutput'));
    await vscode.commands.executeCommand('vigil.showOutput');
    await vscode.commands.executeCommand('vigil.restartServer');
    // The restarted server analyses the open document again.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\n'));
    await waitFor('findings after the restart', () =>
      vigilDiagnostics(document.uri).some((d) => ruleOf(d) === 'jwt-missing-expiry'), 30000);
  });

  it('restarts the server after it crashes, and serves again', async () => {
    // The server is a child of this extension host, started from the extension's dist/server.js.
    const servers = () => execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n').filter((l) => /dist\/server\.js/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
    const [crashed] = servers();
    assert.ok(crashed, 'the language server process is found');
    process.kill(crashed, 'SIGKILL');
    await waitFor('a new server process', () => servers().some((pid) => pid !== crashed), 30000);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\n'));
    await waitFor('findings from the restarted server', () =>
      vigilDiagnostics(document.uri).some((d) => ruleOf(d) === 'jwt-missing-expiry'), 30000);
  });
});
