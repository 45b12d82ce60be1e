/** `--fix` writes files and leaves them stable; worker threads find exactly what the in-process scan finds. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil, safeJwt, scanJson, unsafeJwt } from '../harness/vigil-process';
import { workerCount, workerThreshold } from '../../server/src/cli/scan';

describe('vigil scan --fix and workers', () => {
  after(removeProjects);

  it('applies no unsafe fix: jwt-missing-expiry only suggests, so --fix leaves the file and reports it', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    const { run, json } = scanJson(dir, ['--fix']);
    assert.equal(run.status, 1);
    assert.equal(json.summary.fixesApplied, 0);
    assert.equal(json.findings.length, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), unsafeJwt);
  });

  it('keeps a clean tree byte for byte, and a second --fix changes nothing', () => {
    const dir = makeProject({ 'a.js': safeJwt, 'b.ts': 'export const b: number = 1;\r\n' });
    for (let i = 0; i < 2; i++) {
      const run = runVigil(['scan', '--fix'], dir);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /Applied/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), safeJwt);
      assert.equal(fs.readFileSync(path.join(dir, 'b.ts'), 'utf8'), 'export const b: number = 1;\r\n');
    }
  });

  it('starts a worker per core above the threshold, none on one or two cores or a small scan, and as many as asked', () => {
    assert.equal(workerCount(workerThreshold + 1, undefined, 3), 3);
    assert.equal(workerCount(workerThreshold + 1, undefined, 2), 0);
    assert.equal(workerCount(workerThreshold + 1, undefined, 64), 8);
    assert.equal(workerCount(workerThreshold + 1, undefined, 1), 0);
    assert.equal(workerCount(workerThreshold, undefined, 4), 0);
    assert.equal(workerCount(1000, 1, 1), 1);
    assert.equal(workerCount(3, 8, 2), 3);
  });

  it('gives the same findings with worker threads as in-process above the worker threshold', function () {
    this.timeout(120_000);
    const files: Record<string, string> = {};
    const count = workerThreshold + 50;
    for (let i = 0; i < count; i++) {
      files[`src/m${String(i).padStart(3, '0')}/f.${i % 2 ? 'ts' : 'js'}`] = i % 3 === 0 ? unsafeJwt : safeJwt;
    }
    const dir = makeProject(files);
    const inProcess = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', '--workers', '0', '--stats'], dir);
    const auto = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', '--stats'], dir);
    const two = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', '--workers', '2'], dir);
    assert.equal(inProcess.status, 1);
    const findings = (out: string): unknown => (JSON.parse(out) as { findings: unknown }).findings;
    assert.equal((findings(inProcess.stdout) as unknown[]).length, Math.ceil(count / 3));
    assert.deepEqual(findings(auto.stdout), findings(inProcess.stdout));
    assert.deepEqual(findings(two.stdout), findings(inProcess.stdout));
    assert.match(inProcess.stderr, /vigil-stats \{.*"workers":0/);
    // One worker per core by default, none on one or two cores (there workers cost more than they share).
    assert.match(auto.stderr, os.availableParallelism() > 2 ? /vigil-stats \{.*"workers":[3-8]/ : /vigil-stats \{.*"workers":0/);
    assert.doesNotMatch(auto.stderr, /Scanning/, 'no progress line on a pipe');
  });

  it('with worker threads, tells config problems once and never loads TypeScript in the main thread', function () {
    this.timeout(120_000);
    const dir = makeProject({
      'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "loud", "deep-nesting": ["warning", { "maxDepth": 0 }] } }',
      'a.js': unsafeJwt,
      'b.ts': unsafeJwt,
      'c.js': safeJwt,
    });
    // Preloaded into every thread; the main thread says at exit which of the modules it loaded are TypeScript's.
    const probe = path.join(dir, 'probe.cjs');
    fs.writeFileSync(probe, `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => {
  const ts = Object.keys(require.cache).filter((m) => m.includes('node_modules/typescript/'));
  process.stderr.write('probe: main thread loaded ' + ts.length + ' typescript modules\\n');
});`);
    const probed = { NODE_OPTIONS: `--require ${probe}` };
    const inProcess = runVigil(['scan', 'a.js', 'b.ts', 'c.js', '--format', 'json', '--workers', '0'], dir, probed);
    const two = runVigil(['scan', 'a.js', 'b.ts', 'c.js', '--format', 'json', '--workers', '2'], dir, probed);
    for (const run of [inProcess, two]) {
      assert.equal(run.status, 1, run.stderr);
      const problems = run.stderr.split('\n').filter((l) => l.includes('vigil.config.json'));
      assert.equal(problems.length, 2, run.stderr);
      assert.match(problems[0], /"rules\.jwt-missing-expiry" should be/);
      assert.match(problems[1], /maxDepth/);
    }
    assert.deepEqual(JSON.parse(two.stdout).findings, JSON.parse(inProcess.stdout).findings);
    assert.equal((JSON.parse(two.stdout) as { findings: unknown[] }).findings.length, 2);
    assert.match(inProcess.stderr, /probe: main thread loaded [1-9]\d* typescript modules/);
    assert.match(two.stderr, /probe: main thread loaded 0 typescript modules/);
  });

  it('gives the same findings across files with worker threads, which pass on what they learn of exports', function () {
    this.timeout(120_000);
    // The apps of test/projects: handles, helpers and routers defined in one file and used in another.
    const dir = makeProject({});
    fs.cpSync(path.join(__dirname, '..', '..', '..', 'test', 'projects'), dir, { recursive: true });
    const inProcess = runVigil(['scan', '--format', 'json', '--workers', '0'], dir);
    const two = runVigil(['scan', '--format', 'json', '--workers', '2'], dir);
    const findings = (out: string): { ruleId: string; message: string }[] => (JSON.parse(out) as { findings: { ruleId: string; message: string }[] }).findings;
    const crossFile = findings(inProcess.stdout).filter((f) => /\.[jt]s:\d+\)/.test(f.message));
    assert.ok(crossFile.length > 0, 'some findings name the file where a value lands');
    assert.deepEqual(findings(two.stdout), findings(inProcess.stdout));
  });
});
