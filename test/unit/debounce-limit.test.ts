/** `vigil.debounceMs`: the server accepts exactly the range the extension's settings schema offers. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { maxDebounceMs, validateSettings } from '../../server/src/lsp/settings';
import { repoRoot } from '../harness/paths';

describe('vigil.debounceMs limits', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { minimum?: number; maximum?: number }> } };
  };
  const schema = manifest.contributes.configuration.properties['vigil.debounceMs'];

  it("has package.json's maximum", () => {
    assert.equal(schema.maximum, maxDebounceMs);
  });

  it('accepts the schema minimum and maximum, and rejects a value past either', () => {
    for (const ms of [schema.minimum ?? 0, maxDebounceMs]) assert.equal(validateSettings({ debounceMs: ms }, []).settings.debounceMs, ms);
    for (const ms of [(schema.minimum ?? 0) - 1, maxDebounceMs + 1]) assert.equal(validateSettings({ debounceMs: ms }, []).problems.length, 1, String(ms));
  });
});
