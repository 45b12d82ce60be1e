/** Both real-editor runners (code-server, @vscode/test-electron) load the one extension-host suite. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { launchOptions } from '../e2e/run-vscode';
import { suiteEntry, suiteWorkspace } from '../e2e/suite-location';

describe('extension-host suite runners', () => {
  it('test-electron runs the suite entry against the repository as the extension', () => {
    const options = launchOptions({}, '/tmp/ws', '/tmp/result.json');
    assert.equal(options.extensionTestsPath, suiteEntry);
    assert.equal(options.extensionDevelopmentPath, repoRoot);
    assert.equal(options.launchArgs[0], '/tmp/ws');
    assert.equal(options.extensionTestsEnv.VIGIL_E2E_RESULT, '/tmp/result.json');
    assert.equal(options.vscodeExecutablePath, undefined);
    assert.equal(launchOptions({ VSCODE_EXECUTABLE_PATH: '/opt/code/code' }, '/tmp/ws', '/tmp/r').vscodeExecutablePath, '/opt/code/code');
  });

  it('the code-server runner takes the same entry and workspace, and names no other suite', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'test', 'e2e', 'editor.test.ts'), 'utf8');
    assert.match(source, /testsPath: suiteEntry/);
    assert.match(source, /const example = suiteWorkspace;/);
    assert.doesNotMatch(source, /suite\/index\.js/);
  });

  it('the suite entry exists and its folder holds the tests it loads', () => {
    assert.ok(fs.existsSync(suiteEntry));
    assert.ok(fs.readdirSync(path.dirname(suiteEntry)).some((f) => f.endsWith('.test.js')));
    assert.ok(fs.existsSync(path.join(repoRoot, suiteWorkspace, 'package.json')));
  });

  it('npm run test:vscode builds, bundles and starts that runner', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['test:vscode'], /npm run bundle && node out\/test\/e2e\/run-vscode\.js$/);
  });
});
