/** `vigil scan --changed` and `--since REF` on scratch git repositories, run as a process, and git kept from running repository programs. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitAll, git, initRepository, writeFiles } from '../harness/scratch-git';
import { JsonOutput, makeProject, removeProjects, runVigil, safeJwt, unsafeJwt } from '../harness/vigil-process';

/** safeJwt with a second, unsafe function appended before the export (its finding is on line 6). */
const withNewUnsafe = safeJwt.replace('module.exports', "function again(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET);\n}\nmodule.exports");

function scan(dir: string, extra: readonly string[]): { status: number | null; stderr: string; found: string[] } {
  const run = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', ...extra], dir);
  const found = run.stdout ? (JSON.parse(run.stdout) as JsonOutput).findings.map((f) => `${f.path}:${f.line}`) : [];
  return { status: run.status, stderr: run.stderr, found };
}

function repository(files: Record<string, string>): string {
  const dir = makeProject({});
  initRepository(dir);
  writeFiles(dir, files);
  commitAll(dir, 'base');
  return dir;
}

describe('vigil scan --changed / --since', function () {
  this.timeout(180000);
  after(removeProjects);

  it('--changed reports findings on uncommitted lines and untracked files only', () => {
    const dir = repository({ 'src/old.js': unsafeJwt, 'src/edited.js': safeJwt });
    writeFiles(dir, { 'src/edited.js': withNewUnsafe, 'src/new.js': unsafeJwt });
    assert.deepEqual(scan(dir, []).found.sort(), ['src/edited.js:6', 'src/new.js:3', 'src/old.js:3']);
    const changed = scan(dir, ['--changed']);
    assert.deepEqual(changed.found.sort(), ['src/edited.js:6', 'src/new.js:3']);
    assert.equal(changed.status, 1);
  });

  it('--changed is clean (exit 0) when the only findings are on committed lines', () => {
    const dir = repository({ 'src/old.js': unsafeJwt });
    writeFiles(dir, { 'src/old.js': unsafeJwt.replace('module.exports = { issue };', 'module.exports = { issue, version: 2 };') });
    const result = scan(dir, ['--changed']);
    assert.deepEqual(result.found, []);
    assert.equal(result.status, 0);
  });

  it('--changed in a repository without a commit counts every file as new', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    initRepository(dir);
    assert.deepEqual(scan(dir, ['--changed']).found, ['a.js:3']);
  });

  it('--changed from a subfolder of the repository', () => {
    const dir = repository({ 'app/src/a.js': safeJwt, 'app/src/b.js': unsafeJwt });
    writeFiles(dir, { 'app/src/a.js': withNewUnsafe });
    assert.deepEqual(scan(path.join(dir, 'app'), ['--changed']).found, ['src/a.js:6']);
  });

  it('--since REF reports lines changed since the ref\'s merge base, committed or not', () => {
    const dir = repository({ 'src/a.js': safeJwt, 'src/b.js': safeJwt, 'src/old.js': unsafeJwt });
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'src/a.js': withNewUnsafe });
    commitAll(dir, 'feature work');
    writeFiles(dir, { 'src/b.js': withNewUnsafe });
    // Work that lands on main after the branch point is not the feature's change.
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'src/main-only.js': unsafeJwt });
    commitAll(dir, 'main moves on');
    git(dir, ['checkout', '-q', 'feature']);
    writeFiles(dir, { 'src/b.js': withNewUnsafe });
    assert.deepEqual(scan(dir, ['--since', 'main']).found.sort(), ['src/a.js:6', 'src/b.js:6']);
    assert.deepEqual(scan(dir, ['--changed']).found, ['src/b.js:6']);
  });

  it('a --since ref that is not a commit, or --changed outside git, is a usage error (exit 2)', () => {
    const dir = repository({ 'a.js': unsafeJwt });
    const unknown = scan(dir, ['--since', 'no-such-branch']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no-such-branch/);
    assert.equal(scan(dir, ['--since=--output=x']).status, 2);
    const plain = makeProject({ 'a.js': unsafeJwt });
    const outside = scan(plain, ['--changed']);
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /git work tree/);
  });

  it('never runs a program the repository configures (fsmonitor, external diff, textconv, filters)', () => {
    const dir = repository({ 'a.js': safeJwt, '.gitattributes': '*.js diff=evil filter=evil\n' });
    const marker = path.join(dir, 'ran');
    const script = path.join(dir, 'evil.sh');
    fs.writeFileSync(script, `#!/bin/sh\necho ran >> '${marker}'\ncat\n`, { mode: 0o755 });
    for (const [key, value] of [
      ['core.fsmonitor', script], ['diff.external', script], ['diff.evil.textconv', script], ['diff.evil.command', script],
      ['filter.evil.clean', script], ['filter.evil.smudge', script], ['filter.evil.process', script], ['core.pager', script],
    ]) git(dir, ['config', key, value]);
    writeFiles(dir, { 'a.js': withNewUnsafe });
    assert.deepEqual(scan(dir, ['--changed']).found, ['a.js:6']);
    assert.equal(fs.existsSync(marker), false, 'a repository-configured program ran');
  });
});

describe('vigil scan --stdin', function () {
  this.timeout(180000);
  after(removeProjects);

  it('analyses stdin as the named file', () => {
    const dir = makeProject({});
    const run = runVigil(['scan', '--stdin', '--stdin-filename', 'src/auth.js', '--format', 'json', '--rules', 'jwt-missing-expiry'], dir, {}, unsafeJwt);
    assert.equal(run.status, 1);
    assert.deepEqual((JSON.parse(run.stdout) as JsonOutput).findings.map((f) => `${f.path}:${f.line}`), ['src/auth.js:3']);
    assert.equal(fs.existsSync(path.join(dir, 'src')), false);
  });

  it('needs --stdin-filename, and takes no paths or --fix', () => {
    const dir = makeProject({});
    assert.equal(runVigil(['scan', '--stdin'], dir, {}, unsafeJwt).status, 2);
    assert.equal(runVigil(['scan', '--stdin', '--stdin-filename', 'a.js', 'src'], dir, {}, unsafeJwt).status, 2);
    assert.equal(runVigil(['scan', '--stdin', '--stdin-filename', 'a.js', '--fix'], dir, {}, unsafeJwt).status, 2);
    assert.equal(runVigil(['scan', '--stdin-filename', 'a.js'], dir).status, 2);
  });
});
