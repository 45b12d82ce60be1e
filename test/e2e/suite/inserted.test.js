// Inserted blocks through the vscode API: an assistant's WorkspaceEdit and a snippet are tracked, their findings
// marked, the CodeLens offered; undo is not an insertion; "Mark reviewed" clears lens and marks.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { waitFor, vigilDiagnostics, ruleOf } = require('./helpers');
const marked = /\(In code inserted just now, not yet reviewed\.\)$/;
const lenses = async (uri) => (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) || [];
const titles = (ls) => ls.map((l) => l.command && l.command.title);

describe('Inserted blocks in the extension host', () => {
  let uri;
  let document;
  let route;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const app = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'src/app.js')));
    const start = app.indexOf("app.post('/login'");
    const end = app.indexOf('\n});', start) + 4;
    route = app.slice(start, end);
    uri = vscode.Uri.joinPath(folder, 'src/login.js');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(app.slice(0, start) + app.slice(end + 1)));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the first analysis', () => vigilDiagnostics(uri).length === 0 && document.getText().length > 0);
  });

  it("tracks an assistant's WorkspaceEdit: the findings are marked and the CodeLens counts them", async () => {
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('app.get('));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(line, 0), `${route}\n\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await waitFor('five marked findings', () => {
      const ds = vigilDiagnostics(uri).filter((d) => marked.test(d.message));
      return new Set(ds.map(ruleOf)).size >= 5 && ds;
    });
    assert.deepEqual([...new Set(found.map(ruleOf))].sort(), ['hardcoded-secret', 'jwt-missing-expiry', 'missing-rate-limit', 'plaintext-password', 'sql-injection']);
    const ls = await waitFor('the CodeLens', async () => {
      const l = await lenses(uri);
      return l.some((x) => /^Inserted just now · \d+ findings$/.test(x.command.title)) && l;
    });
    assert.deepEqual(titles(ls).slice(1), ['Review checklist', 'Mark reviewed']);
    assert.equal(ls[0].range.start.line, line);
    assert.match(ls[0].command.title, new RegExp(`· ${found.length} findings$`));
  });

  it('tracks a snippet inserted apart as a second block; undo removes it and is not an insertion', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.insertSnippet(new vscode.SnippetString('\nfunction total(items) {\n  return items.reduce((s, i) => s + i.price, 0);\n}\n'), end));
    await waitFor('two blocks', async () => (await lenses(uri)).filter((l) => l.command.title === 'Mark reviewed').length === 2);
    await vscode.commands.executeCommand('undo');
    await waitFor('one block after undo', async () => (await lenses(uri)).filter((l) => l.command.title === 'Mark reviewed').length === 1);
    await vscode.commands.executeCommand('redo');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await lenses(uri)).filter((l) => l.command.title === 'Mark reviewed').length, 1, 'redo is not an insertion');
  });

  it('"Mark reviewed" removes the lens and the marks, and keeps the findings', async () => {
    const mark = (await lenses(uri)).find((l) => l.command.title === 'Mark reviewed');
    await vscode.commands.executeCommand(mark.command.command, ...mark.command.arguments);
    await waitFor('no lens', async () => (await lenses(uri)).length === 0);
    await waitFor('unmarked findings', () => {
      const ds = vigilDiagnostics(uri);
      return ds.length >= 5 && ds.every((d) => !marked.test(d.message));
    });
    assert.ok(await document.save());
  });
});
