/** Which files `vigil scan` reads: the walk, its skips, .gitignore, config ignores, and files it cannot analyse. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil, scanJson, unsafeJwt } from '../harness/vigil-process';
import { commitAll, initRepository, writeFiles } from '../harness/scratch-git';

const paths = (dir: string, extra: readonly string[] = []): string[] =>
  scanJson(dir, extra).json.findings.map((f) => f.path).sort();

describe('vigil scan files', () => {
  after(removeProjects);

  it('scans every analysable extension and skips other files', () => {
    const files: Record<string, string> = { 'README.md': unsafeJwt, 'data.json': '{}' };
    for (const ext of ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts']) files[`src/a.${ext}`] = unsafeJwt;
    const dir = makeProject(files);
    assert.deepEqual(paths(dir), ['src/a.cjs', 'src/a.cts', 'src/a.js', 'src/a.jsx', 'src/a.mjs', 'src/a.mts', 'src/a.ts', 'src/a.tsx']);
  });

  it('skips node_modules, build output, minified and declaration files', () => {
    const dir = makeProject({
      'src/app.js': unsafeJwt,
      'node_modules/lib/index.js': unsafeJwt,
      'packages/web/node_modules/lib/index.js': unsafeJwt,
      'dist/app.js': unsafeJwt,
      'build/app.js': unsafeJwt,
      'coverage/lcov.js': unsafeJwt,
      '.next/server.js': unsafeJwt,
      '.git/hooks/x.js': unsafeJwt,
      'src/vendor.min.js': unsafeJwt,
      'src/types.d.ts': unsafeJwt,
    });
    assert.deepEqual(paths(dir), ['src/app.js']);
  });

  it('scans a folder inside node_modules when it is named on the command line', () => {
    const dir = makeProject({ 'node_modules/lib/index.js': unsafeJwt, 'node_modules/lib/node_modules/dep/x.js': unsafeJwt, '.gitignore': 'node_modules/\n' });
    assert.deepEqual(paths(dir, ['node_modules/lib']), ['node_modules/lib/index.js']);
  });

  it('respects .gitignore files at the root and nested, with negation and folder-only lines', () => {
    const dir = makeProject({
      '.gitignore': '# generated\n*.gen.ts\n/generated/\n!keep.gen.ts\nlogs/\n',
      'src/a.gen.ts': unsafeJwt,
      'src/keep.gen.ts': unsafeJwt,
      'generated/x.ts': unsafeJwt,
      'src/generated/y.ts': unsafeJwt,
      'src/logs/z.ts': unsafeJwt,
      'src/logs.ts': unsafeJwt,
      'pkg/.gitignore': 'secret.ts\n',
      'pkg/secret.ts': unsafeJwt,
      'pkg/public.ts': unsafeJwt,
      'secret.ts': unsafeJwt,
    });
    assert.deepEqual(paths(dir), ['pkg/public.ts', 'secret.ts', 'src/generated/y.ts', 'src/keep.gen.ts', 'src/logs.ts']);
  });

  it('reads .gitignore from the repository root when a subfolder is scanned', () => {
    const dir = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': '*.gen.ts\n', 'app/a.gen.ts': unsafeJwt, 'app/b.ts': unsafeJwt });
    assert.deepEqual(runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', '.'], path.join(dir, 'app')).stdout.match(/"path": "[^"]+"/g), ['"path": "b.ts"']);
  });

  it("inside a git repository scans git's files: tracked ones even when ignored, untracked ones unless ignored", () => {
    const dir = makeProject({ 'server/db/accounts.js': unsafeJwt, 'server/app.js': unsafeJwt, 'node_modules/lib/index.js': unsafeJwt, 'vigil.config.json': '{ "ignore": ["legacy"] }', 'legacy/old.js': unsafeJwt });
    initRepository(dir);
    commitAll(dir, 'app');
    // A later .gitignore line matches the committed db folder, as in a real app; untracked files follow it.
    writeFiles(dir, { '.gitignore': 'db\n*.local.js\n', 'server/new.js': unsafeJwt, 'server/db/scratch.js': unsafeJwt, 'settings.local.js': unsafeJwt });
    assert.deepEqual(paths(dir), ['server/app.js', 'server/db/accounts.js', 'server/new.js']);
    const sub = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', 'db'], path.join(dir, 'server'));
    assert.deepEqual((JSON.parse(sub.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path).sort(), ['db/accounts.js', 'db/scratch.js'], 'a named ignored folder is walked whole');
    const tracked = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', '.'], path.join(dir, 'server'));
    assert.deepEqual((JSON.parse(tracked.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path).sort(), ['app.js', 'db/accounts.js', 'new.js']);
  });

  it('scans a file named on the command line even when it is ignored', () => {
    const dir = makeProject({ '.gitignore': 'legacy.js\n', 'legacy.js': unsafeJwt });
    assert.deepEqual(paths(dir), []);
    assert.deepEqual(paths(dir, ['legacy.js']), ['legacy.js']);
  });

  it('applies the ignore globs of vigil.config.json', () => {
    const dir = makeProject({ 'vigil.config.json': '{ "ignore": ["**/*.spec.ts", "fixtures"] }', 'src/a.spec.ts': unsafeJwt, 'src/a.ts': unsafeJwt, 'test/fixtures/b.ts': unsafeJwt });
    assert.deepEqual(paths(dir), ['src/a.ts']);
  });

  it('reports a bad vigil.config.json once, naming the file and key, and scans with the defaults', () => {
    const dir = makeProject({ 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "loud" }, "ignore": "dist" }', 'a.js': unsafeJwt });
    const { run, json } = scanJson(dir);
    assert.equal(run.status, 1);
    assert.equal(json.findings.length, 1);
    const problems = run.stderr.split('\n').filter((l) => l.includes('vigil.config.json'));
    assert.equal(problems.length, 2, run.stderr);
    assert.match(problems[0], /vigil\.config\.json: "rules\.jwt-missing-expiry" should be .*"error"/);
    assert.match(problems[1], /"ignore" should be an array of glob strings/);
  });

  it('reports a vigil.config.json that is not JSON and goes on', () => {
    const dir = makeProject({ 'vigil.config.json': '{ rules: ', 'a.js': unsafeJwt });
    const { run, json } = scanJson(dir);
    assert.match(run.stderr, /vigil\.config\.json: not valid JSON/);
    assert.equal(json.findings.length, 1);
  });

  it('finds the config in a parent folder', () => {
    const dir = makeProject({ 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "error" } }', 'app/a.js': unsafeJwt });
    const run = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry'], path.join(dir, 'app'));
    assert.match(run.stdout, /"severity": "error"/);
  });

  it("reads each file's nearest config, as the editor does", () => {
    const dir = makeProject({
      'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "info" }, "ignore": ["legacy"] }',
      'a.js': unsafeJwt,
      'legacy/a.js': unsafeJwt,
      'packages/api/package.json': '{ "vigil": { "rules": { "jwt-missing-expiry": "error" }, "ignore": ["gen/**"] } }',
      'packages/api/a.js': unsafeJwt,
      'packages/api/gen/a.js': unsafeJwt,
      'packages/web/vigil.config.json': '{ "rules": { "jwt-missing-expiry": "off" } }',
      'packages/web/a.js': unsafeJwt,
    });
    const run = runVigil(['scan', '--format', 'json'], dir);
    const found = (JSON.parse(run.stdout) as { findings: { path: string; ruleId: string; severity: string }[] }).findings
      .filter((f) => f.ruleId === 'jwt-missing-expiry').map((f) => `${f.path} ${f.severity}`);
    assert.deepEqual(found, ['a.js info', 'packages/api/a.js error']);
  });

  it('reports files over 2 MB or with NUL bytes as not analysed, without failing', () => {
    const big = `${unsafeJwt}\n${'// padding line\n'.repeat(150_000)}`;
    const dir = makeProject({ 'big.js': big, 'binary.js': Buffer.from([0x63, 0x6f, 0x6e, 0x00, 0x01, 0x02]), 'ok.js': 'export const ok = 1;\n' });
    const { run, json } = scanJson(dir);
    assert.equal(run.status, 0);
    assert.deepEqual(json.summary.skipped.map((s) => s.path), ['big.js', 'binary.js']);
    assert.match(json.summary.skipped[0].reason, /larger than 2 MB/);
    assert.match(json.summary.skipped[1].reason, /NUL/);
    const text = runVigil(['scan', '--rules', 'jwt-missing-expiry'], dir);
    assert.match(text.stdout, /ℹ big\.js: not analysed: larger than 2 MB/);
    assert.match(text.stdout, /ℹ binary\.js: not analysed: contains NUL bytes/);
  });

  it('analyses a file with syntax errors and says so', () => {
    const dir = makeProject({ 'broken.ts': `${unsafeJwt}\nconst x = {;\nfunction (\n`, 'ok.ts': 'export const a = 1;\n' });
    const { run, json } = scanJson(dir);
    assert.equal(run.status, 1);
    assert.equal(json.findings.length, 1);
    assert.equal(json.summary.filesWithSyntaxErrors, 1);
    assert.deepEqual(json.summary.syntaxErrorFiles.map((e) => `${e.path}:${e.line}`), [`broken.ts:${unsafeJwt.split('\n').length + 1}`]);
    const text = runVigil(['scan', '--rules', 'jwt-missing-expiry'], dir).stdout;
    assert.match(text, /1 file had syntax errors/);
    assert.match(text, /broken\.ts:\d+:\d+: /);
    const stats = runVigil(['scan', '--stats', '--rules', 'jwt-missing-expiry'], dir).stderr;
    assert.match(stats, /"syntaxErrors":\["broken\.ts:\d+:\d+"\]/);
  });

  it('reads a sloppy-mode script as its engine does: legacy octals are no syntax error in .js, but are in a module', () => {
    const sloppy = "const fs = require('fs');\nfs.chmodSync('bin', 0755);\nconst bell = '\\07';\n";
    const dir = makeProject({ 'script.js': sloppy, 'legacy.cjs': sloppy, 'module.mjs': `export const m = 0755;\n`, 'strict.js': `'use strict';\n${sloppy}` });
    const { json } = scanJson(dir);
    assert.deepEqual(json.summary.syntaxErrorFiles.map((e) => e.path).sort(), ['module.mjs', 'strict.js']);
  });

  it('reports a path it cannot read on stderr and scans the rest', () => {
    const dir = makeProject({ 'a.js': unsafeJwt, 'ok.js': 'export const ok = 1;\n' });
    const withFindings = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', 'missing-folder', 'a.js'], dir);
    assert.equal(withFindings.status, 1);
    assert.match(withFindings.stderr, /vigil: missing-folder: no such file or folder/);
    assert.equal((JSON.parse(withFindings.stdout) as { findings: unknown[] }).findings.length, 1);
    const clean = runVigil(['scan', '--rules', 'jwt-missing-expiry', 'missing.js', 'ok.js'], dir);
    assert.equal(clean.status, 2, 'a clean result must not hide a path that was never read');
    assert.match(clean.stderr, /missing\.js: no such file or folder/);
  });
});
