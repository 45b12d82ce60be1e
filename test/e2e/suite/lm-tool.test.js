// The vigil_findings language-model tool, registered by the extension and invoked as a chat agent invokes it.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { waitFor } = require('./helpers');

function textOf(result) {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('Vigil language-model tool', () => {
  it('is registered with its input schema', async () => {
    const tool = await waitFor('the vigil_findings tool', () => vscode.lm.tools.find((t) => t.name === 'vigil_findings'));
    assert.deepEqual(tool.inputSchema.required, ['files']);
    assert.match(tool.description, /findings/);
  });

  it('answers from the running server for a file that is not open, with the fixes\' titles', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const routes = vscode.Uri.joinPath(folder, 'src/routes/users.js');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === routes.toString()), 'the file must not be open');
    const text = await waitFor('the tool to answer with findings', async () => {
      const result = await vscode.lm.invokeTool('vigil_findings', { input: { files: ['src/routes/users.js', 'README.md.js'] }, toolInvocationToken: undefined });
      const answer = textOf(result);
      return /sql-injection/.test(answer) ? answer : undefined;
    });
    assert.match(text, /^src\/routes\/users\.js: \d+ findings?$/m);
    // Once the project index knows that src/db.js exports a pg Pool the fix is pg's own and safe; an answer given
    // before the index is ready guesses the placeholders from the file and is left for review.
    assert.match(text, /^ {2}9:15 error sql-injection: .*Fixes: Parameterize query (\(safe\)|\(\$1 placeholders\))\.$/m);
    assert.match(text, /^README\.md\.js: could not be read: ENOENT$/m);
  });
});
