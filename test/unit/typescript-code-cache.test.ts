/**
 * TypeScript is loaded through V8's code cache (typescript-code-cache.ts): a first process makes the cache as it
 * exits (a scan worker, after its first batch), the next one compiles from it, and a cache V8 refuses is replaced,
 * never trusted. Each case runs real Node processes, as the CLI and its workers load TypeScript.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

const loader = path.join(repoRoot, 'out', 'server', 'src', 'core', 'typescript-plain.js');
const outcomeModule = path.join(repoRoot, 'out', 'server', 'src', 'core', 'typescript-code-cache.js');

/** Loads TypeScript as the CLI does, parses a line with it, and says what became of the cache. */
function run(cacheSetting: string): { outcome: string; statements: number } {
  const script = `
    require(${JSON.stringify(loader)});
    const ts = require('typescript');
    const statements = ts.createSourceFile('a.ts', 'const a = 1; let b = a;', ts.ScriptTarget.Latest).statements.length;
    console.log(JSON.stringify({ outcome: require(${JSON.stringify(outcomeModule)}).typescriptCodeCache, statements }));`;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, env: { ...process.env, VIGIL_CODE_CACHE: cacheSetting }, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { outcome: string; statements: number };
}

describe('TypeScript through the code cache', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-code-cache-test-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const cacheFiles = (): string[] => fs.readdirSync(folder);

  it('is made by a first run as it exits, and used by the next', () => {
    assert.deepEqual(run(folder), { outcome: 'absent', statements: 2 });
    assert.equal(cacheFiles().length, 1, 'one cache file, no partial one left');
    assert.deepEqual(run(folder), { outcome: 'accepted', statements: 2 });
  });

  it('replaces a cache V8 refuses, and TypeScript still works from source', () => {
    run(folder);
    const [file] = cacheFiles();
    fs.writeFileSync(path.join(folder, file), Buffer.alloc(4096, 7));
    assert.deepEqual(run(folder), { outcome: 'rejected', statements: 2 });
    assert.deepEqual(run(folder), { outcome: 'accepted', statements: 2 });
  });

  it('leaves TypeScript working when the cache cannot be written', () => {
    const blocked = path.join(folder, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepEqual(run(path.join(blocked, 'cache')), { outcome: 'absent', statements: 2 });
    assert.deepEqual(run(path.join(blocked, 'cache')), { outcome: 'absent', statements: 2 });
  });

  it('is made by a scan that ran only on worker threads', () => {
    // The main thread of a pool scan never loads TypeScript: a worker has to write the cache, or nobody does.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-code-cache-scan-'));
    try {
      fs.writeFileSync(path.join(project, 'a.js'), 'const a = 1;\n');
      const scan = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'vigil.js'), 'scan', project, '--workers', '1', '--stats'], {
        env: { ...process.env, VIGIL_CODE_CACHE: folder },
        encoding: 'utf8',
      });
      assert.equal(scan.status, 0, scan.stderr);
      assert.match(scan.stderr, /vigil-stats \{.*"workers":1/);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
    assert.equal(cacheFiles().length, 1, 'one cache file, no partial one left');
    assert.deepEqual(run(folder), { outcome: 'accepted', statements: 2 });
  });

  it('is not read or written when turned off', () => {
    assert.deepEqual(run('off'), { outcome: 'off', statements: 2 });
    assert.deepEqual(cacheFiles(), []);
  });
});
