/**
 * Findings over examples/ and the rule fixtures are exactly the committed golden digests (test/golden/), so a
 * refactor cannot change what Vigil reports unnoticed. The bench corpus has its own digest, checked by
 * `npm run golden` (it takes a scan of 140,000 lines). After an intended change: `npm run golden -- --update`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { goldenFile, scanDigest } from '../bench/golden-findings';

describe('golden findings', function () {
  // Each is a CLI process that indexes the repository (the project of examples/ and test/rules/) and scans.
  this.timeout(120_000);
  for (const set of ['examples', 'fixtures'] as const) {
    it(`vigil scan over ${set} reports the golden findings`, () => {
      assert.equal(scanDigest(set), fs.readFileSync(goldenFile(set), 'utf8'));
    });
  }
});
