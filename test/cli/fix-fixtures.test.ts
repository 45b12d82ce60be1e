/**
 * `vigil scan --fix` on a copy of every registered rule's fixtures: it rewrites what the safe fixes cover, the
 * re-scan offers no safe fix any more, and a second --fix changes nothing. Rules land with their fixtures, so this
 * grows with the registry.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/registry';
import { fixtureDir } from '../harness/fixtures';
import { JsonOutput, makeProject, removeProjects, runVigil } from '../harness/vigil-process';

function fixtureInputs(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rule of rules) {
    for (const sub of ['flagged', 'fixes']) {
      const dir = path.join(fixtureDir(rule.meta.id), sub);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        if (!name.includes('.fixed.')) files[`${rule.meta.id}/${sub}/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
      }
    }
  }
  return files;
}

function snapshot(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
}

describe('vigil scan --fix on the rule fixtures', () => {
  after(removeProjects);

  it('leaves no safe fix behind, and a second --fix changes nothing', function () {
    this.timeout(120_000);
    const inputs = fixtureInputs();
    const names = Object.keys(inputs);
    const dir = makeProject(inputs);
    const first = runVigil(['scan', '--fix', '--format', 'json'], dir);
    assert.notEqual(first.status, 2, first.stderr);
    assert.doesNotMatch(first.stderr, /internal error/);
    const firstJson = JSON.parse(first.stdout) as JsonOutput;
    const stillFixable = firstJson.findings.filter((f) => f.fixes.some((fix) => fix.safe));
    assert.deepEqual(stillFixable, [], 'every safe fix was applied');
    const changed = names.filter((n) => fs.readFileSync(path.join(dir, n), 'utf8') !== inputs[n]);
    assert.equal(changed.length > 0, firstJson.summary.fixesApplied > 0, 'files change exactly when fixes are applied');

    const after = snapshot(dir, names);
    const second = runVigil(['scan', '--fix', '--format', 'json'], dir);
    assert.equal((JSON.parse(second.stdout) as JsonOutput).summary.fixesApplied, 0);
    assert.deepEqual(snapshot(dir, names), after);
    assert.deepEqual((JSON.parse(second.stdout) as JsonOutput).findings, firstJson.findings);
  });
});
