/**
 * `npm run new-rule`, run as a process on a copy of the repository: the rule it writes is registered, builds,
 * and passes the meta-tests (module, fixtures, doc header, doc examples) as written; bad input changes nothing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { register } from '../../tools/new-rule';
import { repoRoot } from '../harness/paths';

const script = path.join(repoRoot, 'out/tools/new-rule.js');

function run(args: readonly string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The sources a rule build and its meta-tests need, with node_modules linked rather than copied. */
function copyRepository(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-new-rule-')));
  for (const entry of ['package.json', 'tsconfig.json', 'server', 'shared', 'tools', 'test', 'docs']) {
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}e2e${path.sep}`) });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('npm run new-rule', function () {
  this.timeout(600_000);
  let dir = '';
  before(() => {
    dir = copyRepository();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the module, fixtures and doc, registers the rule, and the result builds and passes the meta-tests', () => {
    const made = run([script, 'reliability', 'unchecked-retry'], dir);
    assert.equal(made.status, 0, made.out);
    for (const file of [
      'server/src/core/rules/reliability/unchecked-retry.ts',
      'test/rules/unchecked-retry/flagged/unchecked-retry.js',
      'test/rules/unchecked-retry/clean/unchecked-retry.js',
      'docs/rules/unchecked-retry.md',
    ]) {
      assert.ok(fs.existsSync(path.join(dir, file)), file);
      assert.ok(made.out.includes(file), `listed: ${file}`);
    }
    const registry = fs.readFileSync(path.join(dir, 'server/src/core/registry.ts'), 'utf8');
    assert.match(registry, /import \{ uncheckedRetry \} from '\.\/rules\/reliability\/unchecked-retry';/);
    // Listed with its category: after the last reliability rule, before the first performance one.
    const list = registry.slice(registry.indexOf('export const rules'));
    assert.ok(list.indexOf('uncheckedRetry,') > list.indexOf('moneyFloat,') && list.indexOf('uncheckedRetry,') < list.indexOf('nPlusOneQuery,'), list);

    // Only what the meta-tests need is built: the registry (every rule) and the rules test with its harness.
    fs.writeFileSync(path.join(dir, 'tsconfig.rule.json'), JSON.stringify({ extends: './tsconfig.json', include: ['server/src/core/registry.ts', 'test/rules.test.ts'] }));
    const build = run([path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.rule.json'], dir);
    assert.equal(build.status, 0, build.out);
    const meta = run([path.join(dir, 'node_modules/mocha/bin/mocha.js'), '--no-config', '--timeout', '60000', '--reporter', 'dot', '--grep', 'unchecked-retry', 'out/test/rules.test.js'], dir);
    assert.equal(meta.status, 0, meta.out);
    assert.match(meta.out, /(\d+) passing/);
    assert.ok(Number(/(\d+) passing/.exec(meta.out)![1]) >= 6, meta.out);
  });

  it('refuses an unknown category, a bad id, or a rule that exists, and writes nothing', () => {
    const before = fs.readFileSync(path.join(dir, 'server/src/core/registry.ts'), 'utf8');
    for (const args of [['style', 'new-thing'], ['security', 'NewThing'], ['security', 'sql-injection'], ['security']]) {
      const r = run([script, ...args], dir);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.out}`);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'server/src/core/registry.ts'), 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(dir, 'docs/rules/new-thing.md')));
  });
});

describe('new-rule registration', () => {
  const registry = [
    "import type { Rule } from './rule';",
    "import { b } from './rules/performance/b';",
    "import { a } from './rules/security/a';",
    '',
    'export const rules: readonly Rule[] = [',
    '  a,',
    '  b,',
    '];',
  ].join('\n');

  it('keeps the imports in path order and puts the rule after the last of its category', () => {
    const out = register(registry, 'security', 'c-rule', 'cRule').split('\n');
    assert.deepEqual(out.slice(1, 4), ["import { b } from './rules/performance/b';", "import { a } from './rules/security/a';", "import { cRule } from './rules/security/c-rule';"]);
    assert.deepEqual(out.slice(6, 9), ['  a,', '  cRule,', '  b,']);
  });

  it('puts the first rule of a category at the end of the list', () => {
    const out = register(registry, 'confidence', 'hollow-test', 'hollowTest').split('\n');
    assert.equal(out[1], "import { hollowTest } from './rules/confidence/hollow-test';");
    assert.deepEqual(out.slice(6, 10), ['  a,', '  b,', '  hollowTest,', '];']);
  });
});
