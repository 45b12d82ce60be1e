/**
 * Test code as the project says it: files a test runner's config names (read as data, never run) and helpers
 * only tests import; and every rule taking that answer (hardcoded-secret's test dummies among them).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProjectIndex } from '../../server/src/core/project/project-index';
import { PackageManifests } from '../../server/src/core/project/package-manifests';
import { ProjectRoots } from '../../server/src/core/project/project-roots';
import { matchesTestFile, testRunnerMatchers } from '../../server/src/core/project/test-runner-config';
import { Workspace } from '../../server/src/core/workspace';

const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-code-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Which of `files` the runner configs of `dir` name as tests. */
function named(dir: string, files: readonly string[]): string[] {
  const matchers = testRunnerMatchers(dir);
  return files.filter((f) => matchers.some((m) => matchesTestFile(m, path.join(dir, f))));
}

function projectTests(dir: string, files: readonly string[]): string[] {
  const roots = new ProjectRoots();
  roots.setFallback(dir);
  const index = new ProjectIndex(roots, new PackageManifests());
  return files.filter((f) => index.factsFor(path.join(dir, f), true).isTestCode);
}

const secret = [
  "const API_KEY = 'c0ffee5a1e7b4d2f9a8e6b3c1d0f2a4b';",
  'async function forecast(city) {',
  "  const res = await fetch(`https://api.weather.example/v1/forecast?city=${city}`, { headers: { 'X-API-Key': API_KEY } });",
  '  return res.json();',
  '}',
  'module.exports = { forecast };',
  '',
].join('\n');

describe('test code, as the project says it', () => {
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads Jest's testMatch and rootDir from jest.config.js, and testRegex from package.json", () => {
    const js = project({ 'jest.config.js': "module.exports = { rootDir: 'src', testMatch: ['<rootDir>/**/*.check.js', '!**/skip/**'] };\n" });
    assert.deepEqual(named(js, ['src/user.check.js', 'src/user.js', 'user.check.js', 'src/skip/a.check.js']), ['src/user.check.js']);
    const manifest = project({ 'package.json': JSON.stringify({ name: 'app', jest: { testRegex: '/specs/.*\\.js$' } }) });
    assert.deepEqual(named(manifest, ['specs/user.js', 'src/specs.js', 'src/user.js']), ['specs/user.js']);
  });

  it("reads Vitest's test.include through defineConfig and a const, Mocha's spec, Playwright's testDir", () => {
    const vitest = project({ 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nconst config = defineConfig({ test: { include: ['src/**/*.{it,unit}.ts'] } });\nexport default config;\n" });
    assert.deepEqual(named(vitest, ['src/a.it.ts', 'src/deep/b.unit.ts', 'src/a.ts']), ['src/a.it.ts', 'src/deep/b.unit.ts']);
    const mocha = project({ '.mocharc.json': '{ "spec": "spec/**/*.js" }' });
    assert.deepEqual(named(mocha, ['spec/user.js', 'spec/support/db.js', 'src/spec.js']), ['spec/user.js', 'spec/support/db.js']);
    const playwright = project({ 'playwright.config.ts': "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: './browser' });\n" });
    assert.deepEqual(named(playwright, ['browser/login.ts', 'browser/pages/login-page.ts', 'src/login.ts']), ['browser/login.ts', 'browser/pages/login-page.ts']);
  });

  it('never runs a config, and reads nothing from values that are not literals', () => {
    const marker = path.join(os.tmpdir(), `vigil-ran-config-${process.pid}`);
    const dir = project({
      'jest.config.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nconst patterns = ['**/*.js'];\nmodule.exports = { testMatch: patterns, testRegex: process.env.TESTS };\n`,
      'playwright.config.js': "module.exports = { testDir: '.' };\n",
    });
    assert.deepEqual(named(dir, ['src/a.js', 'a.js']), []);
    assert.equal(fs.existsSync(marker), false);
  });

  it('counts a helper every importer of which is a test, and not a file the app imports too or an entry point', () => {
    const dir = project({
      'package.json': '{ "name": "app" }',
      'src/user.test.js': "const { makeUser } = require('./support/make-user');\nconst app = require('./server');\nconst { hash } = require('./hash');\nconst build = require('./build-app');\n",
      'src/support/make-user.js': "const { defaults } = require('./defaults');\nmodule.exports.makeUser = () => ({ ...defaults });\n",
      'src/support/defaults.js': "module.exports.defaults = { name: 'a' };\n",
      'src/hash.js': 'module.exports.hash = (s) => s;\n',
      'src/routes.js': "const { hash } = require('./hash');\n",
      'src/server.js': 'module.exports = {};\n',
      'src/build-app.js': "const express = require('express');\nmodule.exports = () => express();\n",
      'src/unused.js': 'module.exports = 1;\n',
    });
    const files = ['src/support/make-user.js', 'src/support/defaults.js', 'src/hash.js', 'src/routes.js', 'src/server.js', 'src/build-app.js', 'src/unused.js'];
    assert.deepEqual(projectTests(dir, files), ['src/support/make-user.js', 'src/support/defaults.js']);
  });

  it("does not count a package's main, exports root or bin as a helper when only its tests import them", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'ini-like', main: 'lib/ini.js', exports: { '.': { require: './lib/ini.js' }, './walk': './lib/walk.js' }, bin: { 'ini-like': 'bin/cli.js' } }),
      'test/parse.js': "const ini = require('../lib/ini');\nconst cli = require('../bin/cli');\nconst { sample } = require('../lib/sample');\n",
      'lib/ini.js': 'module.exports.parse = (s) => s;\n',
      'bin/cli.js': 'module.exports = () => 0;\n',
      'lib/sample.js': "module.exports.sample = 'a=1';\n",
    });
    assert.deepEqual(projectTests(dir, ['lib/ini.js', 'bin/cli.js', 'lib/sample.js']), ['lib/sample.js']);
    // A main that names the build is read from the sources, as imports of it are.
    const built = project({
      'package.json': JSON.stringify({ name: 'built', main: 'dist/parse.js' }),
      'test/a.test.ts': "import { parse } from '../src/parse';\nimport { pad } from '../src/pad';\n",
      'src/parse.ts': 'export const parse = (s: string) => s;\n',
      'src/pad.ts': "export const pad = (s: string) => ' ' + s;\n",
    });
    assert.deepEqual(projectTests(built, ['src/parse.ts', 'src/pad.ts']), ['src/pad.ts']);
  });

  it('is the answer every rule takes: hardcoded-secret leaves a dummy in a config-named test or a test-only helper alone', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', jest: { testMatch: ['**/checks/**/*.js'] } }),
      'checks/api.js': secret,
      'src/fixtures-data.js': secret,
      'src/api.js': secret,
      'src/api.check.js': "const data = require('./fixtures-data');\nrequire('mocha');\n",
    });
    const workspace = new Workspace({ fallbackRoot: dir });
    const found = (file: string): number => workspace.analyzeText(path.join(dir, file), fs.readFileSync(path.join(dir, file), 'utf8')).findings.filter((f) => f.ruleId === 'hardcoded-secret').length;
    assert.equal(found('src/api.js'), 1, 'the application file is flagged');
    assert.equal(found('checks/api.js'), 0, 'a file the runner config names is a test');
    assert.equal(found('src/fixtures-data.js'), 0, 'a helper only a test imports is test code');
  });
});
