// Entry of the extension-host suite (the `run()` contract of --extensionTestsPath): mocha inside VS Code's real
// extension host, where `require('vscode')` is the editor's API. Plain JavaScript: VS Code loads it as is.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  // The extension host inherits code-server's environment: the outer test names a file for the summary.
  const resultFile = process.env.VIGIL_E2E_RESULT;
  return new Promise((resolve, reject) => {
    const failed = [];
    const runner = mocha.run((failures) => {
      const summary = { tests: runner.stats.tests, passes: runner.stats.passes, failures, failed };
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, error) => {
      failed.push({ title: test.fullTitle(), message: String(error && error.message), stack: String(error && error.stack).split('\n').slice(0, 6).join('\n') });
    });
  });
};
