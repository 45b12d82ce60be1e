/**
 * The project index in the editor, over the real server process: the folder is indexed in the background, a
 * router's finding says which file mounts it, and an edit to that file (open, unsaved) or on disk (a watcher's
 * notice) re-validates the open router with what the edit changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri } from '../harness/lsp-client';
import { makeProject, removeProjects } from '../harness/vigil-process';
import { expected, filesOf, projects, projectsRoot } from '../harness/projects';

const router = [
  "const express = require('express');",
  'const router = express.Router();',
  "router.post('/login', (req, res) => res.json({ user: req.body.email }));",
  'module.exports = router;',
  '',
].join('\n');

const unlimitedApp = [
  "const express = require('express');",
  "const auth = require('./routes/auth');",
  'const app = express();',
  "app.use('/auth', auth);",
  'module.exports = app;',
  '',
].join('\n');

const limitedApp = unlimitedApp.replace("const app = express();\n", "const app = express();\napp.use(require('express-rate-limit')({ windowMs: 60000, limit: 10 }));\n");

const rateLimitFindings = (diagnostics: readonly { code?: unknown }[]): number => diagnostics.filter((d) => d.code === 'missing-rate-limit').length;

describe('language server: the project index', function () {
  this.timeout(60_000);
  after(removeProjects);

  it('re-validates an open router when the file that mounts it changes, open or on disk', async () => {
    const folder = makeProject({ 'package.json': '{ "name": "app" }\n', 'src/app.js': unlimitedApp, 'src/routes/auth.js': router });
    const appFile = path.join(folder, 'src', 'app.js');
    const routerUri = fileUri(path.join(folder, 'src', 'routes', 'auth.js'));
    const appUri = fileUri(appFile);
    const client = new LspClient({ settings: {} });
    try {
      await client.initialize(folder);
      await client.open(routerUri, router);
      // Once the index is built, the finding names the file that mounts the router.
      const flagged = await client.diagnosticsFor(routerUri, { includePast: true, timeoutMs: 30_000, where: (d) => d.some((x) => String(x.message).includes('`app.js`')) });
      assert.equal(rateLimitFindings(flagged.diagnostics), 1);

      await client.open(appUri, unlimitedApp);
      await client.change(appUri, 2, [{ text: limitedApp }]);
      const limited = await client.diagnosticsFor(routerUri, { timeoutMs: 30_000, where: (d) => rateLimitFindings(d) === 0 });
      assert.equal(limited.version, 1, 'the router itself did not change');

      // Closed without saving, the file on disk is the project's again.
      await client.close(appUri);
      await client.diagnosticsFor(routerUri, { timeoutMs: 30_000, where: (d) => rateLimitFindings(d) === 1 });

      fs.writeFileSync(appFile, limitedApp);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: appUri, type: FileChangeType.Changed }] });
      await client.diagnosticsFor(routerUri, { includePast: false, timeoutMs: 30_000, where: (d) => rateLimitFindings(d) === 0 });
    } finally {
      await client.stop();
    }
  });
});

describe('language server: the apps of test/projects', function () {
  this.timeout(120_000);
  after(removeProjects);

  for (const project of projects) {
    it(`${project.name}: once the folder is indexed, every file's diagnostics are the expected ones`, async () => {
      const folder = makeProject({});
      fs.cpSync(path.join(projectsRoot, project.name), folder, { recursive: true });
      const want = expected(folder, project.rules);
      const client = new LspClient({ settings: {} });
      try {
        await client.initialize(folder);
        for (const file of filesOf(folder)) {
          const uri = fileUri(path.join(folder, file));
          const mine = want.filter((w) => w.startsWith(`${file}:`));
          await client.open(uri, fs.readFileSync(path.join(folder, file), 'utf8'), 1, /\.tsx?$/.test(file) ? 'typescript' : 'javascript');
          // The first analysis may come before the index; the server analyses the file again once it is built.
          const got = (d: readonly { code?: unknown; range: { start: { line: number; character: number } } }[]): string[] =>
            d.filter((x) => project.rules.includes(String(x.code))).map((x) => `${file}:${x.range.start.line + 1}:${x.range.start.character + 1} ${String(x.code)}`).sort();
          const published = await client.diagnosticsFor(uri, { includePast: true, timeoutMs: 60_000, where: (d) => got(d).join('\n') === mine.join('\n') });
          assert.deepEqual(got(published.diagnostics), mine);
        }
      } finally {
        await client.stop();
      }
    });
  }
});
