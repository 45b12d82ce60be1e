/**
 * The golden findings: what `vigil scan --format json` reports over examples/, the rule fixtures and the bench
 * corpus, as a compact digest (rule, path, line, column, message, fix titles), one finding a line, sorted.
 * A refactor that should not change what Vigil reports compares against the committed digest; a change of
 * behaviour updates it in the same commit, which then shows each changed finding in its diff.
 * Usage: node out/bench/golden-findings.js [--update] [--only examples,fixtures,corpus]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { listCorpus } from './corpus';

const repoRoot = path.resolve(__dirname, '..', '..');

export type GoldenSet = 'examples' | 'fixtures' | 'corpus';
export const goldenSets: readonly GoldenSet[] = ['examples', 'fixtures', 'corpus'];

export function goldenFile(set: GoldenSet): string {
  return path.join(repoRoot, 'test', 'golden', `${set}.txt`);
}

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
  fixes: { title: string; safe: boolean }[];
}

function scanPaths(set: GoldenSet): string[] {
  if (set === 'examples') return ['examples'];
  if (set === 'fixtures') return [path.join('test', 'rules')];
  // The corpus lives in node_modules, which a walk skips: its files are named one by one, as the bench reads them.
  return listCorpus(path.join(repoRoot, 'node_modules')).map((f) => path.relative(repoRoot, f.path));
}

function digestLine(f: JsonFinding): string {
  const fixes = f.fixes.map((fix) => `${fix.title}${fix.safe ? ' [safe]' : ''}`).join(' | ');
  return [f.ruleId, `${f.path.split(path.sep).join('/')}:${f.line}:${f.column}`, f.message, fixes].join('\t');
}

/** Scans one set with the built CLI, as a user runs it from the repository root, and digests the findings. */
export function scanDigest(set: GoldenSet): string {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'vigil.js'), 'scan', '--format', 'json', ...scanPaths(set)], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`vigil scan exited ${run.status}: ${run.stderr}`);
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return findings.map(digestLine).sort().join('\n') + '\n';
}

function main(): void {
  const { values } = parseArgs({ options: { update: { type: 'boolean', default: false }, only: { type: 'string' } } });
  const sets = values.only ? (values.only.split(',') as GoldenSet[]) : goldenSets;
  let differs = false;
  for (const set of sets) {
    const actual = scanDigest(set);
    const file = goldenFile(set);
    if (values.update) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, actual);
      process.stdout.write(`${set}: ${actual.split('\n').length - 1} findings written to ${path.relative(repoRoot, file)}\n`);
      continue;
    }
    const expected = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (actual === expected) {
      process.stdout.write(`${set}: identical (${actual.split('\n').length - 1} findings)\n`);
      continue;
    }
    differs = true;
    const before = new Set(expected.split('\n'));
    const after = new Set(actual.split('\n'));
    process.stdout.write(`${set}: differs\n`);
    for (const line of before) if (line && !after.has(line)) process.stdout.write(`  - ${line}\n`);
    for (const line of after) if (line && !before.has(line)) process.stdout.write(`  + ${line}\n`);
  }
  process.exitCode = differs ? 1 : 0;
}

if (require.main === module) main();
