/**
 * The precision corpus: scans each app of apps.json whole with the CLI, matches every finding to its verdict in
 * verdicts.json, and prints per rule the findings, the verdicts, the precision and the findings per 10k lines,
 * overall, for security rules, and inside and outside test files (test-code.ts decides, as the rules do).
 *
 * Precision = true / (true + false); debatable findings are left out of it, and the "strict" column counts them
 * as false. Unjudged findings are counted apart and listed loudly: judge them (read the code) before quoting a figure.
 *
 * Usage: npm run precision -- [--mirror DIR] [--apps owner/name,…] [--workdir DIR] [--cached] [--unjudged FILE]
 *   --mirror    where the bare git dirs are (`<mirror>/<owner>+<name>/repo`); default $VIGIL_MIRROR or /work/.mirror
 *   --workdir   keep the exported apps and scan results there (default: a temp dir, removed at the end)
 *   --cached    reuse the scan results kept in --workdir instead of scanning again (for judging only)
 *   --unjudged  write the unjudged findings, with the code around each, to FILE as JSON
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isTestPath } from '../../server/src/core/facts/test-code';
import { table } from '../stats';
import { CorpusApp, appKey, exportApp, readApps } from './corpus-apps';
import { ScanOutput, scanFolder } from './scan-folder';
import { TalliedFinding, Tally, formatShare, precision, strictPrecision, tally } from './tally';
import { Judgement, ScannedFinding, readVerdicts, verdictKeys } from './verdicts';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const here = path.join(repoRoot, 'bench', 'precision');

interface ScannedApp {
  app: CorpusApp;
  files: number;
  lines: number;
  findings: ScannedFinding[];
  keys: string[];
}

function options() {
  const { values } = parseArgs({
    options: {
      mirror: { type: 'string' },
      apps: { type: 'string' },
      workdir: { type: 'string' },
      cached: { type: 'boolean', default: false },
      unjudged: { type: 'string' },
    },
  });
  return {
    mirror: values.mirror ?? process.env.VIGIL_MIRROR ?? '/work/.mirror',
    only: values.apps?.split(',').map((s) => s.trim()),
    workdir: values.workdir,
    cached: values.cached ?? false,
    unjudged: values.unjudged,
  };
}

function scanApp(app: CorpusApp, mirror: string, workdir: string, cached: boolean): ScannedApp | string {
  const folder = path.join(workdir, appKey(app));
  const saved = path.join(workdir, `${appKey(app)}.scan.json`);
  let output: ScanOutput;
  if (cached && fs.existsSync(saved) && fs.existsSync(folder)) {
    output = JSON.parse(fs.readFileSync(saved, 'utf8')) as ScanOutput;
  } else {
    const missing = exportApp(app, mirror, folder);
    if (missing !== undefined) return missing;
    process.stderr.write(`scanning ${app.repo}\n`);
    output = scanFolder(folder);
    fs.writeFileSync(saved, JSON.stringify(output));
  }
  const keys = verdictKeys(appKey(app), output.findings, (file) => fs.readFileSync(path.join(folder, file), 'utf8'));
  return { app, files: output.summary.files, lines: output.summary.lines, findings: output.findings, keys };
}

function perTenK(count: number, lines: number): string {
  return lines === 0 ? '–' : ((count * 10_000) / lines).toFixed(2);
}

function row(label: string, t: Tally, lines: number): string[] {
  return [
    label,
    String(t.findings),
    String(t.true),
    String(t.false),
    String(t.debatable),
    t.unjudged === 0 ? '0' : `${t.unjudged} !`,
    formatShare(precision(t)),
    formatShare(strictPrecision(t)),
    perTenK(t.findings, lines),
  ];
}

const header = ['rule', 'findings', 'true', 'false', 'debatable', 'unjudged', 'precision', 'strict', 'per 10k lines'];

function unjudgedDetails(scanned: readonly ScannedApp[], verdicts: Map<string, Judgement>, workdir: string) {
  return scanned.flatMap((s) =>
    s.findings.flatMap((f, i) => {
      if (verdicts.has(s.keys[i])) return [];
      const lines = fs.readFileSync(path.join(workdir, appKey(s.app), f.path), 'utf8').split('\n');
      const from = Math.max(0, f.line - 6);
      const context = lines.slice(from, f.line + 4).map((text, j) => `${from + j + 1 === f.line ? '>' : ' '}${from + j + 1}: ${text}`);
      return [{ key: s.keys[i], ruleId: f.ruleId, path: f.path, line: f.line, message: f.message, context }];
    }),
  );
}

function main(): void {
  const opts = options();
  const apps = readApps(path.join(here, 'apps.json')).filter((a) => !opts.only || opts.only.includes(a.repo));
  const verdicts = readVerdicts(path.join(here, 'verdicts.json'));
  const workdir = opts.workdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-precision-'));
  fs.mkdirSync(workdir, { recursive: true });

  const scanned: ScannedApp[] = [];
  const missing: string[] = [];
  for (const app of apps) {
    const result = scanApp(app, opts.mirror, workdir, opts.cached);
    if (typeof result === 'string') missing.push(`${app.repo}: ${result}`);
    else scanned.push(result);
  }

  const tallied: TalliedFinding[] = scanned.flatMap((s) =>
    s.findings.map((f, i) => ({ ruleId: f.ruleId, category: f.category, inTest: isTestPath(f.path), verdict: verdicts.get(s.keys[i])?.verdict })),
  );
  const lines = scanned.reduce((sum, s) => sum + s.lines, 0);

  console.log(`Precision corpus: ${scanned.length} of ${apps.length} apps, ${lines.toLocaleString('en-US')} lines\n`);
  console.log(
    table(
      ['app', 'stack', 'files', 'lines', 'findings', 'per 10k lines'],
      scanned.map((s) => [s.app.repo, s.app.stack, String(s.files), String(s.lines), String(s.findings.length), perTenK(s.findings.length, s.lines)]),
    ),
  );
  const rules = [...new Set(tallied.map((f) => f.ruleId))].sort();
  console.log('\nPer rule (precision = true / (true + false); strict counts debatable as false)\n');
  console.log(table(header, rules.map((r) => row(r, tally(tallied.filter((f) => f.ruleId === r)), lines))));
  const security = tallied.filter((f) => f.category === 'security');
  console.log('\nTotals\n');
  console.log(
    table(header.map((h, i) => (i === 0 ? 'findings' : h)), [
      row('all rules', tally(tallied), lines),
      row('all rules, outside test files', tally(tallied.filter((f) => !f.inTest)), lines),
      row('all rules, in test files', tally(tallied.filter((f) => f.inTest)), lines),
      row('security rules', tally(security), lines),
      row('security rules, outside test files', tally(security.filter((f) => !f.inTest)), lines),
      row('security rules, in test files', tally(security.filter((f) => f.inTest)), lines),
    ]),
  );

  if (missing.length > 0) console.log(`\nMISSING APPS (${missing.length}), not in the figures:\n  ${missing.join('\n  ')}`);
  const unjudged = unjudgedDetails(scanned, verdicts, workdir);
  if (unjudged.length > 0) {
    console.log(`\nUNJUDGED FINDINGS: ${unjudged.length}. The figures above are not complete until each is judged in verdicts.json:`);
    for (const u of unjudged) console.log(`  ${u.key}  (line ${u.line})`);
    if (opts.unjudged) fs.writeFileSync(opts.unjudged, JSON.stringify(unjudged, null, 2));
  }
  const present = new Set(scanned.flatMap((s) => s.keys));
  const stale = [...verdicts.keys()].filter((k) => !present.has(k) && scanned.some((s) => k.startsWith(`${appKey(s.app)} `)));
  if (stale.length > 0) console.log(`\n${stale.length} verdicts match no finding any more (fixed, or the line changed).`);
  if (!opts.workdir) fs.rmSync(workdir, { recursive: true, force: true });
}

main();
