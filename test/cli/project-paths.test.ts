/**
 * Rules that look at a file's path (scripts, tests, migrations, route files) look at the path inside the project:
 * the rule fixtures scanned from a project under folders named `bin`, `scripts`, `tools`, `cli`, `test`,
 * `migrations`, `app` and `pages` give exactly the findings they give from a project under a neutral folder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil } from '../harness/vigil-process';
import { repoRoot } from '../harness/paths';

const rulesWithPathPatterns = ['sync-io-in-handler', 'missing-transaction', 'race-check-then-act', 'missing-rate-limit', 'floating-promise'];

function copyFixtures(into: string): void {
  fs.writeFileSync(path.join(into, 'package.json'), '{ "name": "fixtures" }\n');
  for (const id of rulesWithPathPatterns) {
    for (const kind of ['flagged', 'clean']) {
      const from = path.join(repoRoot, 'test', 'rules', id, kind);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(into, id, kind), { recursive: true });
    }
  }
}

function findings(cwd: string): string[] {
  const run = runVigil(['scan', '--format', 'json', '--rules', rulesWithPathPatterns.join(',')], cwd);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const json = JSON.parse(run.stdout) as { findings: { path: string; line: number; column: number; ruleId: string }[] };
  return json.findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`).sort();
}

describe('vigil scan: paths are read inside the project', function () {
  this.timeout(120_000);
  after(removeProjects);

  it('finds the same in the rule fixtures under bin/scripts/tools/cli/test/migrations/app/pages as under a plain folder', () => {
    const plain = makeProject({});
    const nestedRoot = makeProject({});
    const nested = path.join(nestedRoot, 'bin', 'scripts', 'tools', 'cli', 'test', 'migrations', 'app', 'pages', 'project');
    fs.mkdirSync(nested, { recursive: true });
    copyFixtures(plain);
    copyFixtures(nested);
    const expected = findings(plain);
    assert.ok(expected.some((f) => f.endsWith('sync-io-in-handler')), 'the fixtures have sync-io-in-handler findings');
    assert.deepEqual(findings(nested), expected);
  });
});
