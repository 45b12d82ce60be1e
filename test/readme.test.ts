import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readmePath, rulesTable } from './harness/readme-rules';

describe('README', () => {
  const text = fs.readFileSync(readmePath(), 'utf8');
  it('shows the two commands a fresh clone needs', () => {
    assert.ok(text.includes('npm ci && npm run demo'));
    assert.ok(text.includes('npm test'));
  });
  it('holds the rules table made from the registry (npm run readme:rules)', () => {
    assert.ok(text.includes(rulesTable()), 'run `npm run readme:rules`');
  });
});
