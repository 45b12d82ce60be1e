/** `vigil scan` output as CI reads it: text, JSON and SARIF, exit codes, colour only on a terminal. */
import * as assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { makeProject, removeProjects, runVigil, safeJwt, scanJson, unsafeJwt } from '../harness/vigil-process';

describe('vigil scan output', () => {
  after(removeProjects);

  it('prints JSON with exactly the documented keys and 1-based positions', () => {
    const dir = makeProject({ 'src/auth.js': unsafeJwt, 'src/ok.js': safeJwt });
    const { run, json } = scanJson(dir);
    assert.equal(run.status, 1);
    assert.deepEqual(Object.keys(json), ['version', 'findings', 'summary']);
    assert.match(json.version, /^\d+\.\d+\.\d+/);
    assert.equal(json.findings.length, 1);
    const [finding] = json.findings;
    assert.deepEqual(Object.keys(finding), ['path', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'category', 'severity', 'message', 'fixes']);
    assert.equal(finding.path, 'src/auth.js');
    assert.equal(finding.line, 3);
    assert.equal(finding.endLine, 3);
    // `jwt.sign` starts after the 9 characters of "  return ".
    assert.equal(finding.column, 10);
    assert.ok(finding.endColumn > finding.column);
    assert.equal(finding.ruleId, 'jwt-missing-expiry');
    assert.equal(finding.category, 'security');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.fixes, [{ title: 'Add expiry', safe: false }]);
    assert.equal(json.summary.files, 2);
    assert.equal(json.summary.problems, 1);
  });

  it('prints SARIF 2.1.0 with every rule described and fingerprinted results', () => {
    const dir = makeProject({ 'a.js': unsafeJwt, 'b.js': unsafeJwt + unsafeJwt.replace(/issue/g, 'again') });
    const run = runVigil(['scan', '--format', 'sarif', '--rules', 'jwt-missing-expiry'], dir);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'Vigil');
    const rules = driver.rules ?? [];
    const jwtRule = rules.find((r) => r.id === 'jwt-missing-expiry');
    assert.ok(jwtRule, 'the rule is described');
    assert.ok(jwtRule.shortDescription?.text);
    assert.ok(jwtRule.fullDescription?.text);
    assert.match(jwtRule.helpUri ?? '', /docs\/rules\/jwt-missing-expiry\.md$/);
    assert.match(jwtRule.help?.markdown ?? '', /^# jwt-missing-expiry/, 'help is the rule doc');
    assert.equal(jwtRule.defaultConfiguration?.level, 'warning');
    assert.ok((jwtRule.properties?.tags ?? []).includes('security'));
    assert.ok(jwtRule.properties?.['security-severity']);

    const results = (sarifRun.results ?? []).filter((r) => r.ruleId === 'jwt-missing-expiry');
    assert.equal(results.length, 3);
    const prints = new Set<string>();
    for (const result of results) {
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
      assert.equal(result.level, 'warning');
      const location = result.locations?.[0]?.physicalLocation;
      assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
      assert.match(location?.artifactLocation?.uri ?? '', /^[ab]\.js$/);
      assert.equal(location?.region?.startColumn, 10);
      const print = result.partialFingerprints?.primaryLocationLineHash ?? '';
      assert.match(print, /^[0-9a-f]{16}:\d+$/);
      prints.add(`${location?.artifactLocation?.uri} ${print}`);
    }
    assert.equal(prints.size, 3, 'the same line text twice in a file gets two occurrence numbers');
  });

  it('keeps fingerprints when lines move', () => {
    const before = makeProject({ 'a.js': unsafeJwt });
    const after = makeProject({ 'a.js': '// a comment\n\n' + unsafeJwt });
    const print = (dir: string): string | undefined => {
      const log = JSON.parse(runVigil(['scan', '--format', 'sarif', '--rules', 'jwt-missing-expiry'], dir).stdout) as Sarif.Log;
      return log.runs[0].results?.[0]?.partialFingerprints?.primaryLocationLineHash;
    };
    assert.ok(print(before));
    assert.equal(print(before), print(after));
  });

  it('prints text grouped by file with a summary, and no colour on a pipe', () => {
    const dir = makeProject({ 'src/auth.js': unsafeJwt, 'src/ok.js': safeJwt });
    const run = runVigil(['scan', '--rules', 'jwt-missing-expiry'], dir);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stdout + run.stderr, /\u001b\[/);
    const lines = run.stdout.split('\n');
    const header = lines.indexOf('src/auth.js');
    assert.ok(header >= 0, run.stdout);
    assert.match(lines[header + 1], /^ {2}3:10 {2}warning {2}.*expiresIn.* {2}jwt-missing-expiry$/);
    assert.match(run.stdout, /✖ 1 problem \(0 errors, 1 warning\) in 1 file/);
    assert.match(run.stdout, /2 files scanned in \d+\.\ds/);
  });

  it('colours text when FORCE_COLOR is set, and NO_COLOR wins over a terminal', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    assert.match(runVigil(['scan', '--rules', 'jwt-missing-expiry'], dir, { FORCE_COLOR: '1' }).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch(runVigil(['scan', '--rules', 'jwt-missing-expiry'], dir, { NO_COLOR: '1' }).stdout, /\u001b\[/);
  });

  it('exits 0 on clean code, 1 on findings, and --fail-on error lets warnings pass', () => {
    const clean = makeProject({ 'ok.js': safeJwt });
    const flagged = makeProject({ 'a.js': unsafeJwt });
    const clean0 = runVigil(['scan', '--rules', 'jwt-missing-expiry'], clean);
    assert.equal(clean0.status, 0);
    assert.match(clean0.stdout, /✔ No problems found/);
    assert.equal(runVigil(['scan', '--rules', 'jwt-missing-expiry'], flagged).status, 1);
    assert.equal(runVigil(['scan', '--rules', 'jwt-missing-expiry', '--fail-on', 'error'], flagged).status, 0);
  });

  it('lowers a rule to info through vigil.config.json, and info does not fail the scan', () => {
    const dir = makeProject({ 'a.js': unsafeJwt, 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "info" } }' });
    const { run, json } = scanJson(dir);
    assert.equal(run.status, 0);
    assert.equal(json.findings[0]?.severity, 'info');
  });

  it('runs only the rules named in --rules', () => {
    const dir = makeProject({ 'a.js': unsafeJwt, 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "off" } }' });
    assert.equal(scanJson(dir).json.findings.length, 1, 'a rule named in --rules runs even if the config turns it off');
    const none = runVigil(['scan', '--format', 'json'], dir);
    assert.equal((JSON.parse(none.stdout) as { findings: unknown[] }).findings.filter((f) => (f as { ruleId: string }).ruleId === 'jwt-missing-expiry').length, 0);
  });

  it('exits 2 with the list of rule ids on an unknown --rules id', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    const run = runVigil(['scan', '--rules', 'jwt-missing-expiry,no-such-rule'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such-rule/);
    assert.match(run.stderr, /The rule ids are: .*jwt-missing-expiry/);
    assert.equal(run.stdout, '');
  });

  it('exits 2 with a clear message on a bad flag or value', () => {
    const dir = makeProject({ 'a.js': safeJwt });
    for (const args of [['scan', '--bogus'], ['scan', '--format', 'xml'], ['scan', '--workers', 'many'], ['scan', '--fail-on', 'loud'], ['frobnicate'], []]) {
      const run = runVigil(args, dir);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^vigil: .+\n.*--help/, args.join(' '));
    }
    assert.match(runVigil(['scan', '--format', 'xml'], dir).stderr, /--format must be one of text, json, sarif, got "xml"/);
  });

  it('prints help and version', () => {
    const dir = makeProject({});
    const help = runVigil(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: vigil <command>/);
    const scanHelp = runVigil(['scan', '--help'], dir);
    assert.equal(scanHelp.status, 0);
    assert.match(scanHelp.stdout, /--format <text\|json\|sarif>/);
    const version = runVigil(['--version'], dir);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('prints a machine-readable stats line on stderr with --stats', () => {
    const dir = makeProject({ 'a.js': safeJwt });
    const run = runVigil(['scan', '--stats', '--format', 'json'], dir);
    const line = run.stderr.split('\n').find((l) => l.startsWith('vigil-stats '));
    assert.ok(line, run.stderr);
    const stats = JSON.parse(line.slice('vigil-stats '.length)) as Record<string, number>;
    assert.equal(stats.files, 1);
    assert.equal(stats.lines, 5);
    assert.equal(stats.workers, 0);
    assert.equal(typeof stats.ms, 'number');
    JSON.parse(run.stdout);
  });

  it('hides findings recorded in a --baseline file, and reports new ones', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    const write = runVigil(['scan', '--rules', 'jwt-missing-expiry', '--baseline', 'vigil-baseline.json', '--update-baseline'], dir);
    assert.equal(write.status, 0, write.stderr);
    assert.match(write.stderr, /recorded 1 finding/);
    assert.equal(scanJson(dir, ['--baseline', 'vigil-baseline.json']).run.status, 0);
    const added = makeProject({});
    const moved = runVigil(['scan', '--rules', 'jwt-missing-expiry', '--baseline', `${dir}/vigil-baseline.json`, '--format', 'json', dir], added);
    assert.equal(moved.status, 0, 'baseline paths are relative to the baseline file, not the working folder');
    assert.equal(runVigil(['scan', '--baseline', 'missing.json'], dir).status, 2);
  });
});
