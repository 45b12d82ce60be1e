/**
 * Multi-file apps under test/projects/<name>/, scanned whole by the CLI as a process from a scratch copy: the
 * project index sees a limiter or CSRF protection mounted in one file in front of the routers and plugins of
 * others, through `require`, imports, autoloaded folders, tsconfig paths and workspace packages. Each file states
 * its expectations next to its lines (`// expect: <rule-id>:<column>`), or that it expects none.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { declaresClean, expectations } from './harness/fixtures';
import { expected, filesOf, projects, projectsRoot } from './harness/projects';
import { type JsonFinding, makeProject, removeProjects, runVigil } from './harness/vigil-process';

describe('projects: findings that depend on other files of the app', function () {
  this.timeout(120_000);
  after(removeProjects);

  for (const project of projects) {
    const source = path.join(projectsRoot, project.name);

    it(`${project.name}: every file states what it expects`, () => {
      for (const file of filesOf(source)) {
        const text = fs.readFileSync(path.join(source, file), 'utf8');
        assert.ok(declaresClean(text) || project.rules.some((r) => expectations(text, r).length > 0), `${file} has no expectation`);
      }
    });

    // With workers, the index is summarised by them and handed to each as data: the same facts, the same findings.
    it(`${project.name}: vigil scan reports exactly the expected findings, in-process and with 1 and 2 workers`, () => {
      const scratch = makeProject({});
      fs.cpSync(source, scratch, { recursive: true });
      const outputs = ['0', '1', '2'].map((workers) => {
        const run = runVigil(['scan', '.', '--format', 'json', '--workers', workers, '--rules', project.rules.join(',')], scratch);
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        assert.doesNotMatch(run.stderr, /internal error/);
        const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
        assert.deepEqual(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`).sort(), expected(source, project.rules), `--workers ${workers}`);
        return findings;
      });
      assert.deepEqual(outputs[1], outputs[0]);
      assert.deepEqual(outputs[2], outputs[0]);
    });

    for (const file of project.flaggedByComposition ?? []) {
      it(`${project.name}: ${file} alone, without its project, is not flagged`, () => {
        const text = fs.readFileSync(path.join(source, file), 'utf8');
        assert.ok(expected(source, project.rules).some((e) => e.startsWith(`${file}:`)), `${file} expects a finding`);
        assert.deepEqual(analyze({ text, fileName: file }).findings.filter((f) => project.rules.includes(f.ruleId)), []);
      });
    }

    for (const file of project.cleanByComposition) {
      it(`${project.name}: ${file} alone, without its project, is flagged`, () => {
        const text = fs.readFileSync(path.join(source, file), 'utf8');
        const findings = analyze({ text, fileName: file }).findings.filter((f) => project.rules.includes(f.ruleId));
        assert.ok(findings.length > 0, `${file} has no finding without the project`);
      });
    }

    for (const file of project.flaggedByComposition ?? []) {
      it(`${project.name}: ${file} alone, without its project, is clean`, () => {
        const text = fs.readFileSync(path.join(source, file), 'utf8');
        assert.deepEqual(analyze({ text, fileName: file }).findings.filter((f) => project.rules.includes(f.ruleId)), []);
      });
    }
  }

  it('names the files that mount a router when none of them limits it', () => {
    const scratch = makeProject({});
    fs.cpSync(path.join(projectsRoot, 'monorepo'), scratch, { recursive: true });
    const run = runVigil(['scan', '.', '--format', 'json', '--workers', '0', '--rules', 'missing-rate-limit'], scratch);
    const [finding] = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    assert.match(finding.message, /none is mounted in front of it where `app\.ts` mounts it either/);
  });
});
