/**
 * Every registered rule, from the registry: its file, fixtures and doc exist under its id; it reports exactly
 * the `expect:` lines of its flagged fixtures and nothing in its clean ones; its doc's examples behave as the
 * doc says; and every fix it offers passes the apply-and-reanalyse harness.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/core/registry';
import { docsUrl } from '../server/src/core/rule';
import { applyUntilDone, checkFix, run } from './harness/apply-fix';
import { docExamples, docPath } from './harness/doc-examples';
import { cleanFixtures, declaresClean, expectedLines, fixCases, fixtureDir, fixtureName, flaggedFixtures } from './harness/fixtures';
import { repoRoot } from './harness/paths';

describe('rules', () => {
  it('has unique kebab-case ids', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has its module, fixtures and doc under its id', () => {
        assert.ok(fs.existsSync(path.join(repoRoot, 'server/src/core/rules', rule.meta.category, `${id}.ts`)), 'rule module');
        assert.ok(flaggedFixtures(id).length > 0, `flagged fixtures in ${fixtureDir(id)}/flagged`);
        assert.ok(cleanFixtures(id).length > 0, `clean fixtures in ${fixtureDir(id)}/clean`);
        assert.ok(fs.existsSync(docPath(id)), 'docs page');
        assert.ok(docsUrl(id).endsWith(`/docs/rules/${id}.md`));
        if (rule.meta.fixable !== 'none') assert.ok(fixCases(id).length > 0, 'fix output fixtures');
      });

      for (const fixture of flaggedFixtures(id)) {
        it(`flags ${path.basename(fixture.file)}`, () => {
          const expected = expectedLines(fixture.text, id);
          assert.ok(expected.length > 0, 'a flagged fixture marks at least one line with `expect:`');
          const found = run(fixture.text, fixtureName(id, fixture.file)).findings.filter((f) => f.ruleId === id).map((f) => f.range.start.line);
          assert.deepEqual(found.map((l) => l + 1), expected.map((l) => l + 1));
        });
      }

      for (const fixture of cleanFixtures(id)) {
        it(`is quiet on ${path.basename(fixture.file)}`, () => {
          assert.ok(declaresClean(fixture.text), 'a clean fixture starts with `// expect: none`');
          const found = run(fixture.text, fixtureName(id, fixture.file)).findings.filter((f) => f.ruleId === id);
          assert.deepEqual(found.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
        });
      }

      for (const c of fixCases(id)) {
        it(`fix "${c.title}" on ${path.basename(c.input.file)} gives ${path.basename(c.expected.file)}`, () => {
          assert.equal(applyUntilDone(c.input.text, fixtureName(id, c.input.file), id, c.title), c.expected.text);
        });
      }

      it('offers only fixes that pass the apply-and-reanalyse harness', () => {
        for (const fixture of flaggedFixtures(id)) {
          for (const finding of run(fixture.text, fixtureName(id, fixture.file)).findings.filter((f) => f.ruleId === id)) {
            for (const fix of finding.fixes) checkFix(fixture.text, fixtureName(id, fixture.file), finding, fix);
          }
        }
      });

      it('behaves on its doc examples as the doc says', () => {
        const examples = docExamples(id);
        assert.ok(examples.some((e) => e.kind === 'unsafe') && examples.some((e) => e.kind === 'safe'), 'the doc has an unsafe and a safe example');
        for (const e of examples) {
          const found = run(e.code, `doc-example.${e.lang}`).findings.filter((f) => f.ruleId === id);
          if (e.kind === 'unsafe') assert.ok(found.length > 0, `unsafe example not flagged:\n${e.code}`);
          else assert.deepEqual(found.map((f) => f.message), [], `safe example flagged:\n${e.code}`);
        }
      });
    });
  }
});
