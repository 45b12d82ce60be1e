/**
 * The CVE yardstick: published advisories against npm packages (cases.json), each scanned at the commit before
 * its fix and at the fix. For each case: was the fault reported on the vulnerable commit (a finding of the
 * case's class where the fix changed the code, see match.ts), and is it still reported on the patched commit (a
 * false finding: the code there is fixed)? For the patched code as a whole: how many findings of the five
 * classes per 10,000 lines, the noise a user lives with. ESLint with eslint-plugin-security and
 * eslint-plugin-sonarjs, when installed, is measured in the same run on the same files.
 *
 * Usage: npm run cve -- [--mirror DIR] [--cases ID,…] [--workdir DIR] [--cached] [--no-eslint]
 *   --mirror     where the bare git dirs are (`<mirror>/<owner>+<name>/repo`); default $VIGIL_MIRROR or /work/.mirror
 *   --cases      some cases only, by advisory id
 *   --workdir    keep the exports and scan results there (default: a temp dir, removed at the end)
 *   --cached     reuse the scan results kept in --workdir
 *   --no-eslint  Vigil only
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverFiles } from '../../server/src/cli/discover-files';
import { appKey, exportApp } from '../precision/corpus-apps';
import { ScanOutput, scanFolder } from '../precision/scan-folder';
import { table } from '../stats';
import { CveCase, FaultClass, faultClasses, readCases } from './cases';
import { EslintScan, eslintInstalled, eslintRulesOf, lintFolder } from './eslint-findings';
import { inRanges, matchRanges } from './match';

const here = path.join(__dirname, '..', '..', '..', 'bench', 'cve');

/** A finding reduced to what the yardstick reads; `family` is the fault class its rule reports, if any. */
interface Located {
  path: string;
  line: number;
  family: FaultClass | undefined;
}

interface Side {
  folder: string;
  lines: number;
  vigil: Located[];
  eslint: Located[] | undefined;
  /** Files ESLint could not parse, of those Vigil scanned. */
  eslintUnparsable: string[];
}

interface Verdict {
  found: boolean;
  stillOnPatched: boolean;
  /** Findings of the case's class anywhere in the patched code. */
  patchedOfClass: number;
  /** Findings of any of the five classes anywhere in the patched code. */
  patchedOfAll: number;
}

interface Outcome {
  c: CveCase;
  vigil: Verdict;
  /** Undefined when ESLint was not run, or could not read a file that held the fault (TypeScript). */
  eslint: Verdict | undefined;
  patchedLines: number;
}

function options() {
  const { values } = parseArgs({
    options: {
      mirror: { type: 'string' },
      cases: { type: 'string' },
      workdir: { type: 'string' },
      cached: { type: 'boolean', default: false },
      'no-eslint': { type: 'boolean', default: false },
    },
  });
  return {
    mirror: values.mirror ?? process.env.VIGIL_MIRROR ?? '/work/.mirror',
    only: values.cases?.split(',').map((s) => s.trim()),
    workdir: values.workdir,
    cached: values.cached ?? false,
    eslint: !values['no-eslint'] && eslintInstalled(),
  };
}

const vigilFamily = (ruleId: string): FaultClass | undefined => faultClasses.find((c) => c === ruleId);
const eslintFamily = (ruleId: string): FaultClass | undefined => faultClasses.find((c) => eslintRulesOf[c].includes(ruleId));

function cachedJson<T>(file: string, cached: boolean, compute: () => T): T {
  if (cached && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  const value = compute();
  fs.writeFileSync(file, JSON.stringify(value));
  return value;
}

/** Exports and scans one commit; the same commit is scanned once however many cases share it. */
function scanSide(repo: string, commit: string, opts: ReturnType<typeof options>, workdir: string): Side | string {
  const folder = path.join(workdir, `${appKey({ repo })}@${commit.slice(0, 12)}`);
  if (!(opts.cached && fs.existsSync(folder))) {
    const missing = exportApp({ repo, commit }, opts.mirror, folder);
    if (missing !== undefined) return missing;
  }
  process.stderr.write(`scanning ${repo} at ${commit.slice(0, 12)}\n`);
  const scanned: ScanOutput = cachedJson(`${folder}.vigil.json`, opts.cached, () => scanFolder(folder));
  const vigil = scanned.findings.map((f) => ({ path: f.path, line: f.line, family: vigilFamily(f.ruleId) }));
  if (!opts.eslint) return { folder, lines: scanned.summary.lines, vigil, eslint: undefined, eslintUnparsable: [] };
  const scannedFiles = discoverFiles([folder], { configIgnored: () => false }).files.map((f) => path.relative(folder, f).split(path.sep).join('/'));
  const linted: EslintScan = cachedJson(`${folder}.eslint.json`, opts.cached, () => lintFolder(workdir, folder, scannedFiles));
  const eslint = linted.findings.map((f) => ({ path: f.path, line: f.line, family: eslintFamily(f.ruleId) }));
  return { folder, lines: scanned.summary.lines, vigil, eslint, eslintUnparsable: linted.unparsable };
}

/** Whether a finding of the case's class falls where the fix changed the code (see match.ts). */
function reported(c: CveCase, side: Side, findings: readonly Located[], which: 'lines' | 'patchedLines'): boolean {
  return c.files.some((file) => {
    const full = path.join(side.folder, file.path);
    if (!fs.existsSync(full)) return false;
    const ranges = matchRanges(fs.readFileSync(full, 'utf8'), file.path, file[which]);
    return findings.some((f) => f.family === c.class && f.path === file.path && inRanges(f.line, ranges));
  });
}

const isTypeScript = (file: string): boolean => /\.[cm]?tsx?$/.test(file);

function verdict(c: CveCase, vulnerable: Side, patched: Side, findingsOf: (side: Side) => readonly Located[]): Verdict {
  const inPatched = findingsOf(patched);
  return {
    found: reported(c, vulnerable, findingsOf(vulnerable), 'lines'),
    stillOnPatched: reported(c, patched, inPatched, 'patchedLines'),
    patchedOfClass: inPatched.filter((f) => f.family === c.class).length,
    patchedOfAll: inPatched.filter((f) => f.family !== undefined).length,
  };
}

function judge(c: CveCase, vulnerable: Side, patched: Side): Outcome {
  // The bench's ESLint has no TypeScript parser: a case whose fault is in a .ts file is not one it can be judged on.
  const readable =
    vulnerable.eslint !== undefined && !c.files.some((f) => isTypeScript(f.path) || vulnerable.eslintUnparsable.includes(f.path) || patched.eslintUnparsable.includes(f.path));
  return {
    c,
    vigil: verdict(c, vulnerable, patched, (s) => s.vigil),
    eslint: readable ? verdict(c, vulnerable, patched, (s) => s.eslint ?? []) : undefined,
    patchedLines: patched.lines,
  };
}

const share = (n: number, of: number): string => (of === 0 ? '–' : `${n}/${of} (${((100 * n) / of).toFixed(0)} %)`);
const perTenK = (n: number, lines: number): string => (lines === 0 ? '–' : ((n * 10_000) / lines).toFixed(1));
const mark = (b: boolean | undefined): string => (b === undefined ? 'n/a' : b ? 'yes' : '-');

/** One row of the summary; `noise` picks which findings of the patched code count per 10k lines. */
function summaryRow(label: string, outcomes: readonly Outcome[], noise: 'patchedOfClass' | 'patchedOfAll'): string[] {
  const judged = outcomes.filter((o) => o.eslint !== undefined);
  const sum = (list: readonly Outcome[], pick: (o: Outcome) => number): number => list.reduce((n, o) => n + pick(o), 0);
  return [
    label,
    String(outcomes.length),
    share(outcomes.filter((o) => o.vigil.found).length, outcomes.length),
    String(outcomes.filter((o) => o.vigil.stillOnPatched).length),
    perTenK(sum(outcomes, (o) => o.vigil[noise]), sum(outcomes, (o) => o.patchedLines)),
    share(judged.filter((o) => o.eslint?.found).length, judged.length),
    String(judged.filter((o) => o.eslint?.stillOnPatched).length),
    perTenK(sum(judged, (o) => o.eslint?.[noise] ?? 0), sum(judged, (o) => o.patchedLines)),
  ];
}

function main(): void {
  const opts = options();
  const cases = readCases(path.join(here, 'cases.json')).filter((c) => !opts.only || opts.only.includes(c.id));
  const workdir = opts.workdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cve-'));
  fs.mkdirSync(workdir, { recursive: true });

  const sides = new Map<string, Side | string>();
  const sideOf = (repo: string, commit: string): Side | string => {
    const key = `${repo}@${commit}`;
    let side = sides.get(key);
    if (side === undefined) sides.set(key, (side = scanSide(repo, commit, opts, workdir)));
    return side;
  };
  const outcomes: Outcome[] = [];
  const missing: string[] = [];
  for (const c of cases) {
    const vulnerable = sideOf(c.repo, c.vulnerable);
    const patched = sideOf(c.repo, c.patched);
    if (typeof vulnerable === 'string' || typeof patched === 'string') {
      missing.push(`${c.id} (${c.repo}): ${typeof vulnerable === 'string' ? vulnerable : patched}`);
      continue;
    }
    outcomes.push(judge(c, vulnerable, patched));
  }

  console.log(`CVE yardstick: ${outcomes.length} of ${cases.length} cases; ESLint ${opts.eslint ? 'run' : 'not run'}\n`);
  console.log(
    table(
      ['case', 'package', 'class', 'Vigil found', 'Vigil on patched', 'ESLint found', 'ESLint on patched'],
      outcomes.map((o) => [o.c.id, o.c.package, o.c.class, mark(o.vigil.found), mark(o.vigil.stillOnPatched), mark(o.eslint?.found), mark(o.eslint?.stillOnPatched)]),
    ),
  );
  const header = ['class', 'cases', 'Vigil found', 'still on patched', 'per 10k lines', 'ESLint found', 'still on patched', 'per 10k lines'];
  console.log('\nPer class (per 10k lines: findings of the class in the whole patched code; ESLint: on the cases it can read)\n');
  console.log(
    table(header, [
      ...faultClasses.map((k) => summaryRow(k, outcomes.filter((o) => o.c.class === k), 'patchedOfClass')),
      summaryRow('all (per 10k: the five classes)', outcomes, 'patchedOfAll'),
    ]),
  );
  if (missing.length > 0) console.log(`\nMISSING CASES (${missing.length}), not in the figures:\n  ${missing.join('\n  ')}`);
  if (!opts.workdir) fs.rmSync(workdir, { recursive: true, force: true });
}

main();
