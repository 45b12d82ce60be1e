import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuleOptionSpecs, resolveConfig, ruleOptions } from '../../server/src/core/config';
import { analyze } from '../../server/src/core/analyze';
import { ruleById } from '../../server/src/core/registry';
import { loadConfig } from '../../server/src/core/config-file';

const ids = ['sql-injection', 'jwt-missing-expiry'];

describe('config', () => {
  it('accepts rules and ignore', () => {
    const { config, problems } = resolveConfig({ rules: { 'sql-injection': 'warning' }, ignore: ['dist/**'] }, 'f', ids);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['sql-injection'], 'warning');
    assert.ok(config.ignorePatterns[0].test('dist/a/b.js'));
  });

  it('names the file, the key and what was expected for each bad value, keeping the good ones', () => {
    const raw = { rules: { 'sql-injection': 'loud', 'jwt-missing-expiry': 'off', 'sql-injektion': 'error' }, ignore: 'dist', extra: 1 };
    const { config, problems } = resolveConfig(raw, 'vigil.config.json', ids);
    assert.deepEqual(
      problems.map((p) => [p.file, p.key]),
      [
        ['vigil.config.json', 'rules.sql-injection'],
        ['vigil.config.json', 'rules.sql-injektion'],
        ['vigil.config.json', 'ignore'],
        ['vigil.config.json', 'extra'],
      ],
    );
    assert.match(problems[0].message, /vigil\.config\.json: "rules\.sql-injection" should be "off", "hint", "info", "warning" or "error", got "loud"/);
    assert.deepEqual(config.rules, { 'jwt-missing-expiry': 'off' });
    assert.deepEqual(config.ignore, []);
  });

  it('reports a config that is not an object', () => {
    assert.equal(resolveConfig([1], 'f', ids).problems[0].key, '(root)');
  });

  describe('rule options', () => {
    const specs: Record<string, RuleOptionSpecs> = {
      'sql-injection': { maxDepth: { type: 'integer', default: 4, minimum: 1, description: 'the deepest nesting allowed' } },
    };

    it('takes the ESLint form [severity, options] and fills the rest from the defaults', () => {
      const { config, problems } = resolveConfig({ rules: { 'sql-injection': ['warning', { maxDepth: 6 }] } }, 'f', ids, specs);
      assert.deepEqual(problems, []);
      assert.equal(config.rules['sql-injection'], 'warning');
      assert.deepEqual(config.options, { 'sql-injection': { maxDepth: 6 } });
      assert.deepEqual(ruleOptions(specs['sql-injection'], config.options?.['sql-injection']), { maxDepth: 6 });
      assert.deepEqual(ruleOptions(specs['sql-injection'], undefined), { maxDepth: 4 });
      assert.deepEqual(resolveConfig({ rules: { 'sql-injection': ['info'] } }, 'f', ids, specs).config.rules, { 'sql-injection': 'info' });
    });

    it('names each bad option and keeps the severity', () => {
      const raw = {
        rules: {
          'sql-injection': ['warning', { maxDepth: 0, maxDeep: 3 }],
          'jwt-missing-expiry': ['error', { maxDepth: 3 }],
        },
      };
      const { config, problems } = resolveConfig(raw, 'vigil.config.json', ids, specs);
      assert.deepEqual(
        problems.map((p) => p.key),
        ['rules.sql-injection.maxDepth', 'rules.sql-injection.maxDeep', 'rules.jwt-missing-expiry'],
      );
      assert.match(problems[0].message, /should be an integer of at least 1 \(the deepest nesting allowed\), got 0/);
      assert.match(problems[2].message, /this rule takes no options/);
      assert.deepEqual(config.rules, { 'sql-injection': 'warning', 'jwt-missing-expiry': 'error' });
      assert.deepEqual(config.options, {});
    });

    it('rejects options that are not an object, and arrays of the wrong length', () => {
      const { problems } = resolveConfig({ rules: { 'sql-injection': ['warning', 5], 'jwt-missing-expiry': ['off', {}, {}] } }, 'f', ids, specs);
      assert.deepEqual(problems.map((p) => p.key), ['rules.sql-injection', 'rules.jwt-missing-expiry']);
    });

    it('reach the rule: deep-nesting with maxDepth 2', () => {
      const rule = ruleById('deep-nesting')!;
      const text = 'function f(a) { if (a) { for (const x of a) { if (x) g(x); } } }';
      const run = (maxDepth?: number) =>
        analyze(
          { text, fileName: 'a.js', config: { rules: {}, options: maxDepth ? { 'deep-nesting': { maxDepth } } : {}, ignore: [], ignorePatterns: [] } },
          [rule],
        ).findings.length;
      assert.equal(run(), 0);
      assert.equal(run(2), 1);
    });
  });

  describe('loadConfig', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-config-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads vigil.config.json', () => {
      fs.writeFileSync(path.join(dir, 'vigil.config.json'), JSON.stringify({ rules: { 'sql-injection': 'off' } }));
      const loaded = loadConfig(dir, ids);
      assert.equal(loaded.config.rules['sql-injection'], 'off');
      assert.equal(loaded.file, path.join(dir, 'vigil.config.json'));
    });

    it('falls back to package.json#vigil', () => {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', vigil: { ignore: ['gen/**'] } }));
      assert.deepEqual(loadConfig(dir, ids).config.ignore, ['gen/**']);
    });

    it('uses the defaults, with one problem, for invalid JSON', () => {
      fs.writeFileSync(path.join(dir, 'vigil.config.json'), '{ rules: ');
      const loaded = loadConfig(dir, ids);
      assert.deepEqual(loaded.config.rules, {});
      assert.equal(loaded.problems.length, 1);
      assert.match(loaded.problems[0].message, /not valid JSON/);
    });

    it('uses the defaults when there is no config', () => {
      assert.deepEqual(loadConfig(dir, ids).problems, []);
    });
  });
});
