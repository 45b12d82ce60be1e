/** The example app scanned by `npm run demo`: every rule reports exactly the places marked `expect: <rule-id>:<column>` there. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/core/registry';
import { run } from './harness/apply-fix';
import { expectedPlaces, placeOf } from './harness/fixtures';
import { repoRoot } from './harness/paths';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.[cm]?[jt]sx?$/.test(e.name) ? [p] : [];
  });
}

describe('examples/express-pg-app', () => {
  for (const file of sourceFiles(path.join(repoRoot, 'examples', 'express-pg-app'))) {
    it(`reports the marked places of ${path.relative(repoRoot, file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const found = run(text, file).findings.map((f) => `${placeOf(f.range.start)} ${f.ruleId}`).sort();
      const expected = rules.flatMap((r) => expectedPlaces(text, r.meta.id).map((p) => `${p} ${r.meta.id}`)).sort();
      assert.deepEqual(found, expected);
    });
  }
});
