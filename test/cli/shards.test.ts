/** `vigil scan --shard i/n` and `vigil sarif merge`: the merged shards are the log of one full scan. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { filesOfShard, parseShard } from '../../server/src/cli/shard';
import { makeProject, removeProjects, runVigil, safeJwt, unsafeJwt } from '../harness/vigil-process';

const injectable = "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function find(req) {\n  return pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);\n}\nmodule.exports = { find };\n";

function project(): string {
  const files: Record<string, string> = { 'src/huge.js': unsafeJwt + '\n'.repeat(4000) + '// end\n' };
  for (let i = 0; i < 13; i++) {
    files[`src/mod${i}/index.js`] = [unsafeJwt, safeJwt, injectable][i % 3] + '\n'.repeat(i * 7);
  }
  files['src/skipped.js'] = 'const a = 1;\u0000';
  return makeProject(files);
}

describe('vigil scan --shard and vigil sarif merge', function () {
  this.timeout(180000);
  after(removeProjects);

  it('merging the SARIF of 4 shards gives the SARIF of one full scan', () => {
    const dir = project();
    const full = runVigil(['scan', '--format', 'sarif'], dir);
    assert.equal(full.status, 1);
    const parts: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const shard = runVigil(['scan', '--format', 'sarif', '--shard', `${i}/4`], dir);
      assert.ok(shard.status === 0 || shard.status === 1, shard.stderr);
      const file = path.join(dir, `shard-${i}.sarif`);
      fs.writeFileSync(file, shard.stdout);
      parts.push(file);
    }
    const merged = runVigil(['sarif', 'merge', ...parts], dir);
    assert.equal(merged.status, 0, merged.stderr);
    assert.equal(merged.stdout, full.stdout);
    const log = JSON.parse(full.stdout) as Sarif.Log;
    assert.ok((log.runs[0].results ?? []).length >= 9);
  });

  it('each file is in exactly one shard, and a shard\'s scan reads only its files', () => {
    const dir = project();
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const run = runVigil(['scan', '--format', 'json', '--shard', `${i}/3`], dir);
      const json = JSON.parse(run.stdout) as { findings: { path: string }[]; summary: { files: number } };
      seen.push(...new Set(json.findings.map((f) => f.path)));
      assert.ok(json.summary.files < 15);
    }
    const all = JSON.parse(runVigil(['scan', '--format', 'json'], dir).stdout) as { findings: { path: string }[] };
    assert.deepEqual(seen.sort(), [...new Set(all.findings.map((f) => f.path))].sort());
  });

  it('rejects a bad --shard and logs that are not SARIF (exit 2)', () => {
    const dir = makeProject({ 'a.js': safeJwt, 'x.sarif': '{"version":"1.0"}' });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1/2/3']) assert.equal(runVigil(['scan', '--shard', bad], dir).status, 2, bad);
    assert.equal(runVigil(['sarif', 'merge', 'x.sarif'], dir).status, 2);
    assert.equal(runVigil(['sarif', 'merge', 'missing.sarif'], dir).status, 2);
    assert.equal(runVigil(['sarif', 'split'], dir).status, 2);
  });
});

describe('shard split', () => {
  const sizes: Record<string, number> = { a: 100, b: 90, c: 50, d: 40, e: 30, f: 10, g: 10, h: 0, i: 0, j: 0 };
  const files = Object.keys(sizes);
  const size = (f: string): number => sizes[f];

  it('parses i/n with 1 <= i <= n', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.equal(parseShard('4/3'), undefined);
    assert.equal(parseShard('0/3'), undefined);
    assert.equal(parseShard('1/5000'), undefined);
  });

  it('splits by size, largest first to the lightest part, keeping the original order within a part', () => {
    const parts = [1, 2, 3].map((index) => filesOfShard(files, { index, count: 3 }, size));
    assert.deepEqual(parts, [['a', 'g'], ['b', 'e'], ['c', 'd', 'f', 'h', 'i', 'j']]);
    const bytes = parts.map((p) => p.reduce((n, f) => n + size(f), 0));
    assert.ok(Math.max(...bytes) - Math.min(...bytes) <= 30, String(bytes));
  });

  it('is the same split whatever order the files are listed in', () => {
    const reversed = [...files].reverse();
    for (let index = 1; index <= 3; index++) {
      assert.deepEqual(filesOfShard(reversed, { index, count: 3 }, size).sort(), filesOfShard(files, { index, count: 3 }, size).sort());
    }
  });
});
