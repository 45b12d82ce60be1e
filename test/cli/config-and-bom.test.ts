/**
 * Configuration and byte order marks, as a user meets them: a vigil.config.json saved with a BOM is read, a
 * package.json whose "vigil" settings do not parse is reported, a BOM does not shift line 1's columns, and a
 * baseline written into a folder that does not exist is a clear message, not a stack trace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil } from '../harness/vigil-process';

const jwtOnLine1 = "const t = require('jsonwebtoken').sign({ id: 1 }, process.env.KEY);\n";
const bom = '\uFEFF';

describe('vigil scan: configuration and byte order marks', function () {
  this.timeout(60_000);
  after(removeProjects);

  it('reads a vigil.config.json that starts with a byte order mark', () => {
    const dir = makeProject({ 'a.js': jwtOnLine1, 'vigil.config.json': `${bom}{ "rules": { "jwt-missing-expiry": "off" } }` });
    const run = runVigil(['scan', '--format', 'json'], dir);
    assert.doesNotMatch(run.stderr, /not valid JSON/);
    assert.equal((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.filter((f) => f.ruleId === 'jwt-missing-expiry').length, 0);
  });

  it('reports a package.json whose "vigil" settings do not parse', () => {
    const dir = makeProject({ 'a.js': jwtOnLine1, 'package.json': '{ "name": "x", "vigil": { "rules": { "jwt-missing-expiry": "off" } }, }' });
    const run = runVigil(['scan', '--format', 'json'], dir);
    assert.match(run.stderr, /package\.json: not valid JSON .*"vigil" settings are not read/);
  });

  it('gives the same columns on line 1 with and without a byte order mark, in JSON and SARIF', () => {
    const plain = makeProject({ 'a.js': jwtOnLine1 });
    const marked = makeProject({ 'a.js': `${bom}${jwtOnLine1}` });
    for (const format of ['json', 'sarif']) {
      const a = runVigil(['scan', '--format', format, '--rules', 'jwt-missing-expiry'], plain).stdout;
      const b = runVigil(['scan', '--format', format, '--rules', 'jwt-missing-expiry'], marked).stdout;
      const columns = (out: string): unknown => JSON.stringify(JSON.parse(out), (k, v: unknown) => (/^(startColumn|endColumn|column)$/.test(k) ? v : typeof v === 'object' ? v : undefined));
      assert.match(a, /"(start)?[cC]olumn"/);
      assert.equal(columns(b), columns(a), format);
    }
  });

  it('says so, without a stack trace, when --update-baseline names a folder that does not exist', () => {
    const dir = makeProject({ 'a.js': jwtOnLine1 });
    const run = runVigil(['scan', '--baseline', path.join('missing', 'baseline.json'), '--update-baseline'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot write the baseline .*baseline\.json: the folder .*missing does not exist/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.equal(fs.existsSync(path.join(dir, 'missing')), false);
  });
});
