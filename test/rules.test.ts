/**
 * Every registered rule, from the registry: its file, fixtures and doc exist under its id; it reports exactly
 * the `expect:` places (line and column) of its flagged fixtures and nothing in its clean ones; it offers only
 * the fix tier its metadata declares, and its doc's header states that metadata; its doc's examples behave as the
 * doc says; and every fix it offers passes the apply-and-reanalyse harness.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/core/registry';
import { docsUrl } from '../server/src/core/rule';
import { applyUntilDone, checkFix, run } from './harness/apply-fix';
import { docExamples, docHeader, docPath } from './harness/doc-examples';
import { cleanFixtures, declaresClean, expectedPlaces, fixCases, fixtureDir, fixtureName, flaggedFixtures, placeOf } from './harness/fixtures';
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
          const expected = expectedPlaces(fixture.text, id);
          assert.ok(expected.length > 0, 'a flagged fixture marks at least one place with `expect: <rule-id>:<column>`');
          const result = run(fixture.text, fixtureName(id, fixture.file));
          assert.deepEqual(result.internalErrors, [], 'no rule fails on the fixture');
          const found = result.findings.filter((f) => f.ruleId === id).map((f) => placeOf(f.range.start));
          assert.deepEqual(found, expected);
        });
      }

      for (const fixture of cleanFixtures(id)) {
        it(`is quiet on ${path.basename(fixture.file)}`, () => {
          assert.ok(declaresClean(fixture.text), 'a clean fixture starts with `// expect: none`');
          // A rule that throws is quiet too: its failure must not pass for a clean result.
          const result = run(fixture.text, fixtureName(id, fixture.file));
          assert.deepEqual(result.internalErrors, [], 'no rule fails on the fixture');
          const found = result.findings.filter((f) => f.ruleId === id);
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

      it(`offers only the fixes its metadata declares (fixable: '${rule.meta.fixable}')`, () => {
        const inputs = [...flaggedFixtures(id), ...fixCases(id).map((c) => c.input)];
        for (const fixture of inputs) {
          for (const finding of run(fixture.text, fixtureName(id, fixture.file)).findings.filter((f) => f.ruleId === id)) {
            const where = `${path.basename(fixture.file)}:${placeOf(finding.range.start)}`;
            if (rule.meta.fixable === 'none') assert.deepEqual(finding.fixes.map((f) => f.title), [], `${where}: a rule declared without fixes offers one`);
            for (const fix of finding.fixes) {
              if (rule.meta.fixable !== 'safe') assert.equal(fix.safe, false, `${where}: "${fix.title}" is safe, but the rule declares only suggestions`);
            }
          }
        }
      });

      it('has a doc whose header states its metadata', () => {
        const header = docHeader(id);
        assert.equal(header.title, id, 'the doc starts with "# <rule-id>"');
        assert.equal(header.category, rule.meta.category, 'the header\'s category');
        assert.equal(header.severity, rule.meta.defaultSeverity, 'the header\'s default severity');
        assert.equal(header.fix, rule.meta.fixable, 'the header\'s fix tier (none, suggestion(s), or safe)');
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
