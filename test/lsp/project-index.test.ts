/**
 * The project index in the editor, over the real server process: the folder is indexed in the background, a
 * router's finding says which file mounts it, and an edit to that file (open, unsaved) or on disk (a watcher's
 * notice) re-validates the open router with what the edit changed. Likewise for data flow: a route's finding for
 * request data passed to another module's function follows what that function does, edited or on disk, and the
 * multi-file apps of test/projects get the same findings in the editor as from the CLI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { expectedPlaces, placeOf } from '../harness/fixtures';
import { LspClient, fileUri } from '../harness/lsp-client';
import { repoRoot } from '../harness/paths';
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

  const route = [
    "const router = require('express').Router();",
    "const accounts = require('../models/accounts');",
    "router.post('/login', async (req, res) => res.json(await accounts.findByEmail(req.body.email)));",
    'module.exports = router;',
    '',
  ].join('\n');
  const unsafeModel = [
    "const db = require('../db');",
    'async function findByEmail(email) {',
    "  return db.query(`SELECT * FROM accounts WHERE email = '${email}'`);",
    '}',
    'module.exports = { findByEmail };',
    '',
  ].join('\n');
  const safeModel = unsafeModel.replace("`SELECT * FROM accounts WHERE email = '${email}'`", "'SELECT * FROM accounts WHERE email = $1', [email]");
  const sqlFindings = (diagnostics: readonly { code?: unknown; message: unknown }[]): number =>
    diagnostics.filter((d) => d.code === 'sql-injection' && String(d.message).includes('findByEmail')).length;

  it('re-validates an open route when what the function it calls does changes, open or on disk', async () => {
    const folder = makeProject({ 'package.json': '{ "name": "app" }\n', 'src/db.js': 'module.exports = { query: () => [] };\n', 'src/models/accounts.js': unsafeModel, 'src/routes/auth.js': route });
    const modelFile = path.join(folder, 'src', 'models', 'accounts.js');
    const routeUri = fileUri(path.join(folder, 'src', 'routes', 'auth.js'));
    const modelUri = fileUri(modelFile);
    const client = new LspClient({ settings: {} });
    try {
      await client.initialize(folder);
      await client.open(routeUri, route);
      const flagged = await client.diagnosticsFor(routeUri, { includePast: true, timeoutMs: 30_000, where: (d) => sqlFindings(d) === 1 });
      assert.ok(flagged.diagnostics.some((d) => String(d.message).includes('../models/accounts.js:3')), 'the message says where the value lands');

      await client.open(modelUri, unsafeModel);
      await client.change(modelUri, 2, [{ text: safeModel }]);
      const safe = await client.diagnosticsFor(routeUri, { timeoutMs: 30_000, where: (d) => sqlFindings(d) === 0 });
      assert.equal(safe.version, 1, 'the route itself did not change');

      // Closed without saving, the file on disk is the project's again.
      await client.close(modelUri);
      await client.diagnosticsFor(routeUri, { timeoutMs: 30_000, where: (d) => sqlFindings(d) === 1 });

      fs.writeFileSync(modelFile, safeModel);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: modelUri, type: FileChangeType.Changed }] });
      await client.diagnosticsFor(routeUri, { includePast: false, timeoutMs: 30_000, where: (d) => sqlFindings(d) === 0 });
    } finally {
      await client.stop();
    }
  });

  it('reports request data passed to other modules in test/projects/express-dao as the CLI does', async () => {
    const folder = makeProject({});
    fs.cpSync(path.join(repoRoot, 'test', 'projects', 'express-dao'), folder, { recursive: true });
    const rules = ['sql-injection', 'nosql-injection', 'command-injection', 'path-traversal', 'open-redirect'];
    const client = new LspClient({ settings: {} });
    try {
      await client.initialize(folder);
      for (const file of ['src/routes/auth.js', 'src/routes/tools.ts', 'src/routes/profile.ts']) {
        const text = fs.readFileSync(path.join(folder, file), 'utf8');
        const expected = rules.flatMap((rule) => expectedPlaces(text, rule).map((place) => `${place} ${rule}`)).sort();
        assert.ok(expected.length > 0, `${file} expects findings`);
        const uri = fileUri(path.join(folder, file));
        await client.open(uri, text);
        const placed = (d: readonly { code?: unknown; range: { start: { line: number; character: number } } }[]): string[] =>
          d.filter((x) => rules.includes(String(x.code))).map((x) => `${placeOf(x.range.start)} ${String(x.code)}`).sort();
        const published = await client.diagnosticsFor(uri, { includePast: true, timeoutMs: 30_000, where: (d) => placed(d).length === expected.length });
        assert.deepEqual(placed(published.diagnostics), expected, file);
      }
    } finally {
      await client.stop();
    }
  });

  for (const app of [
    { name: 'mern-models', files: ['src/routes/comments.js'], rules: ['nosql-injection', 'unbounded-query', 'n-plus-one-query'] },
    {
      name: 'express-pg-services',
      files: ['src/routes/auth.js', 'src/routes/reports.js', 'src/routes/checkout.js', 'src/routes/owners.js'],
      rules: ['weak-password-hash', 'n-plus-one-query', 'missing-transaction'],
    },
  ]) {
    it(`reports what the models, clients and helpers of test/projects/${app.name} do as the CLI does`, async () => {
      const folder = makeProject({});
      fs.cpSync(path.join(repoRoot, 'test', 'projects', app.name), folder, { recursive: true });
      const client = new LspClient({ settings: {} });
      try {
        await client.initialize(folder);
        for (const file of app.files) {
          const text = fs.readFileSync(path.join(folder, file), 'utf8');
          const expected = app.rules.flatMap((rule) => expectedPlaces(text, rule).map((place) => `${place} ${rule}`)).sort();
          assert.ok(expected.length > 0, `${file} expects findings`);
          const uri = fileUri(path.join(folder, file));
          await client.open(uri, text);
          const placed = (d: readonly { code?: unknown; range: { start: { line: number; character: number } } }[]): string[] =>
            d.filter((x) => app.rules.includes(String(x.code))).map((x) => `${placeOf(x.range.start)} ${String(x.code)}`).sort();
          const published = await client.diagnosticsFor(uri, { includePast: true, timeoutMs: 30_000, where: (d) => placed(d).length === expected.length });
          assert.deepEqual(placed(published.diagnostics), expected, file);
        }
      } finally {
        await client.stop();
      }
    });
  }

  it('re-validates an open route when the model it requires stops being one', async () => {
    const model = "const mongoose = require('mongoose');\nmodule.exports = mongoose.model('comment', new mongoose.Schema({ author: String }));\n";
    const plain = 'module.exports = { findOne: (where) => where };\n';
    const routeText = [
      "const Comment = require('../db/Comment');",
      "module.exports = async (req, res) => res.json(await Comment.findOne({ author: req.body.author }));",
      '',
    ].join('\n');
    const folder = makeProject({ 'package.json': '{ "name": "app" }\n', 'src/db/Comment.js': model, 'src/routes/comments.js': routeText });
    const routeUri = fileUri(path.join(folder, 'src', 'routes', 'comments.js'));
    const modelUri = fileUri(path.join(folder, 'src', 'db', 'Comment.js'));
    const nosql = (d: readonly { code?: unknown }[]): number => d.filter((x) => x.code === 'nosql-injection').length;
    const client = new LspClient({ settings: {} });
    try {
      await client.initialize(folder);
      await client.open(routeUri, routeText);
      await client.diagnosticsFor(routeUri, { includePast: true, timeoutMs: 30_000, where: (d) => nosql(d) === 1 });
      await client.open(modelUri, model);
      await client.change(modelUri, 2, [{ text: plain }]);
      const quiet = await client.diagnosticsFor(routeUri, { timeoutMs: 30_000, where: (d) => nosql(d) === 0 });
      assert.equal(quiet.version, 1, 'the route itself did not change');
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
