/** action.yml's scripts, run as GitHub runs them: scan, shards merged, annotations, the threshold. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runStep } from '../harness/action-steps';
import { commitAll, initRepository, writeFiles } from '../harness/scratch-git';
import { makeProject, removeProjects, safeJwt, unsafeJwt } from '../harness/vigil-process';

const scanInputs = { VIGIL_PATHS: '.', VIGIL_SINCE: '', VIGIL_SHARD: '', VIGIL_MERGE: '', VIGIL_SARIF: 'vigil.sarif' };

describe('action.yml', function () {
  this.timeout(180000);
  after(removeProjects);

  it('scans to SARIF, counts the findings, annotates them and fails at the threshold', () => {
    const dir = makeProject({ 'src/a.js': unsafeJwt, 'src/b.js': safeJwt });
    const scan = runStep('Scan', dir, scanInputs);
    assert.equal(scan.status, 0, scan.stderr);
    assert.equal(scan.outputs.findings, '1');
    assert.ok(fs.existsSync(path.join(dir, 'vigil.sarif')));
    const annotate = runStep('Annotate', dir, { VIGIL_SARIF: 'vigil.sarif' });
    assert.equal(annotate.status, 0);
    assert.match(annotate.stdout, /^::warning file=src\/a\.js,line=3,col=\d+,endLine=3,endColumn=\d+,title=Vigil jwt-missing-expiry::This JWT/m);
    assert.equal(runStep('Threshold', dir, { VIGIL_SARIF: 'vigil.sarif', VIGIL_FAIL_ON: 'warning' }).status, 1);
    assert.equal(runStep('Threshold', dir, { VIGIL_SARIF: 'vigil.sarif', VIGIL_FAIL_ON: 'error' }).status, 0);
  });

  it('scans only the lines changed since a ref', () => {
    const dir = makeProject({});
    initRepository(dir);
    writeFiles(dir, { 'a.js': unsafeJwt, 'b.js': safeJwt });
    const base = commitAll(dir, 'base');
    writeFiles(dir, { 'b.js': unsafeJwt });
    commitAll(dir, 'change');
    const scan = runStep('Scan', dir, { ...scanInputs, VIGIL_SINCE: base });
    assert.equal(scan.status, 0, scan.stderr);
    assert.equal(scan.outputs.findings, '1');
    assert.match(fs.readFileSync(path.join(dir, 'vigil.sarif'), 'utf8'), /"uri": "b\.js"/);
  });

  it('merges the shards of a matrix into the log of one full scan', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`src/m${i}.js`] = (i % 2 ? unsafeJwt : safeJwt) + '\n'.repeat(i * 11);
    const dir = makeProject(files);
    for (const shard of ['1/2', '2/2']) {
      const run = runStep('Scan', dir, { ...scanInputs, VIGIL_SHARD: shard, VIGIL_SARIF: `shards/vigil-${shard[0]}.sarif` });
      assert.equal(run.status, 0, run.stderr);
    }
    const merged = runStep('Scan', dir, { ...scanInputs, VIGIL_MERGE: 'shards/*.sarif', VIGIL_SARIF: 'merged.sarif' });
    assert.equal(merged.status, 0, merged.stderr);
    assert.equal(merged.outputs.findings, '3');
    fs.rmSync(path.join(dir, 'shards'), { recursive: true });
    runStep('Scan', dir, { ...scanInputs, VIGIL_SARIF: 'full.sarif' });
    assert.equal(fs.readFileSync(path.join(dir, 'merged.sarif'), 'utf8'), fs.readFileSync(path.join(dir, 'full.sarif'), 'utf8'));
  });

  it('a merge glob that matches nothing fails the step', () => {
    const dir = makeProject({ 'a.js': safeJwt });
    const run = runStep('Scan', dir, { ...scanInputs, VIGIL_MERGE: 'none/*.sarif' });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /::error title=Vigil::no SARIF file matches/);
  });
});
