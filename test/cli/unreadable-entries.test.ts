/**
 * What the walk cannot read is said on stderr, never dropped in silence, and nothing that is not a regular file
 * is read: a FIFO would block the scan forever waiting for a writer.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, unsafeJwt } from '../harness/vigil-process';
import { repoRoot } from '../harness/paths';

function scan(cwd: string, ...paths: string[]) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'vigil.js'), 'scan', '--rules', 'jwt-missing-expiry', ...paths], { cwd, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.error, undefined, 'the scan must finish');
  return run;
}

describe('vigil scan: entries it cannot read', function () {
  this.timeout(60_000);
  after(removeProjects);
  const fifos = process.platform !== 'win32';

  it('names a dangling link and a link loop found by the walk, and scans the rest', () => {
    const dir = makeProject({ 'src/app.js': unsafeJwt });
    fs.symlinkSync(path.join(dir, 'src/gone.js'), path.join(dir, 'src/dangling.js'));
    fs.symlinkSync(path.join(dir, 'src/loop-b.js'), path.join(dir, 'src/loop-a.js'));
    fs.symlinkSync(path.join(dir, 'src/loop-a.js'), path.join(dir, 'src/loop-b.js'));
    const run = scan(dir);
    assert.match(run.stderr, /src\/dangling\.js: skipped: a symbolic link to nothing/);
    assert.match(run.stderr, /src\/loop-a\.js: skipped: a loop of symbolic links/);
    assert.match(run.stdout, /src\/app\.js/);
    assert.equal(run.status, 1);
  });

  it('skips a FIFO found by the walk with a message, and does not wait on it', function () {
    if (!fifos) this.skip();
    const dir = makeProject({ 'src/app.js': unsafeJwt });
    execFileSync('mkfifo', [path.join(dir, 'src/pipe.js')]);
    const run = scan(dir);
    assert.match(run.stderr, /src\/pipe\.js: skipped: not a regular file/);
    assert.equal(run.status, 1);
  });

  it('refuses a FIFO named on the command line (exit 2 when nothing else fails), and does not wait on it', function () {
    if (!fifos) this.skip();
    const dir = makeProject({ 'clean.js': 'export const a = 1;\n' });
    execFileSync('mkfifo', [path.join(dir, 'pipe.js')]);
    const run = scan(dir, 'pipe.js', 'clean.js');
    assert.match(run.stderr, /pipe\.js: skipped: not a regular file/);
    assert.equal(run.status, 2);
  });
});
