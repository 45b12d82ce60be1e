/**
 * `vigil scan`: arguments → config → files → scan → output. Exit codes: 0 nothing at or above --fail-on, 1 findings
 * at or above it, 2 a path that could not be scanned with nothing failing otherwise (a clean result must not hide a
 * file that was never read). The configs, the file walk and the output need no analysis: this thread loads the
 * analysis core only when it analyses itself (scan.ts), not while worker threads do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InternalError } from '../core/workspace';
import { WorkspaceSettings, describedRuleIds, ruleDescriptions } from '../core/workspace-settings';
import type { ScanCommand } from './args';
import { FileReport, analyseText } from './analyse-file';
import { readBaseline, withoutBaselined, writeBaseline } from './baseline';
import { attributeReports } from './attributed-findings';
import { findingsOnChanges, loadChanges } from './changed-findings';
import type { ChangedFiles } from '../git/changed-lines';
import { configIgnoreTest } from './config-ignore';
import { Discovered, discoverFiles } from './discover-files';
import { gitListedFiles } from '../git/listed-files';
import { fixRoots } from './fix-writes';
import { exit, warn } from './exit';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { ScanOutcome, atOrAbove, displayPath, summarise } from './outcome';
import { createProgress } from './progress';
import { scanFiles } from './scan';
import { filesOfShard } from './shard';
import { colours, wantsColour } from './terminal';

export async function runScan(command: ScanCommand): Promise<number> {
  const started = Date.now();
  const cwd = process.cwd();
  const ruleIds = describedRuleIds;
  if (command.rules) {
    const unknown = command.rules.filter((id) => !ruleIds.includes(id));
    if (unknown.length > 0) {
      warn(`unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --rules. The rule ids are: ${ruleIds.join(', ')}.`);
      return exit.failure;
    }
  }
  let baselineKeys: Set<string> | undefined;
  const baselineDir = command.baseline ? path.dirname(path.resolve(command.baseline)) : cwd;
  if (command.baseline && !command.updateBaseline) {
    const { keys, error } = readBaseline(command.baseline);
    if (error !== undefined) {
      warn(error);
      return exit.failure;
    }
    baselineKeys = keys;
  }

  let changes: ChangedFiles | undefined;
  if (command.changes) {
    const loaded = await loadChanges(cwd, command.changes);
    if (loaded.error !== undefined) {
      warn(loaded.error);
      return exit.failure;
    }
    changes = loaded.changes;
  }

  // Each file's config is the nearest one walking up from it, read once; its problems are told once, here.
  const settings = new WorkspaceSettings({ onConfigProblem: warn, fallbackRoot: cwd });
  const workspaceOptions = { fallbackRoot: cwd, scannedPaths: command.paths };
  const discovered: Discovered = command.stdinFilename !== undefined
    ? { files: [], errors: [], notes: [] }
    : discoverFiles(command.paths, { configIgnored: configIgnoreTest(settings), gitListed: await gitListings(command.paths) });
  for (const e of discovered.errors) warn(`${e.path}: ${e.message}`);
  for (const n of discovered.notes) warn(`${displayPath(n.path, cwd)}: ${n.message}`);
  // A file named on the command line is not tested against the ignore globs; its config is still read (and told).
  for (const file of discovered.files) settings.settingsFor(file);
  const files = command.shard ? filesOfShard(discovered.files, command.shard) : discovered.files;

  const progress = createProgress(process.stderr);
  let reports: FileReport[];
  let workers = 0;
  let scanErrors: InternalError[] = [];
  if (command.stdinFilename !== undefined) {
    const text = fs.readFileSync(0, 'utf8');
    const { Workspace } = await import('../core/workspace.js');
    const workspace = new Workspace({ ...workspaceOptions, onConfigProblem: warn });
    reports = [analyseText(path.resolve(cwd, command.stdinFilename), text, { ruleIds: command.rules, fix: false }, workspace)];
  } else {
    ({ reports, workers, internalErrors: scanErrors } = await scanFiles(files, {
      ruleIds: command.rules,
      fix: command.fix,
      fixRoots: command.fix ? fixRoots(command.paths) : undefined,
      workers: command.workers,
      workspace: workspaceOptions,
      onProgress: (done, total) => progress.update(done, total),
    }));
  }
  progress.clear();

  for (const internal of scanErrors) warn(`internal error: ${internal.message}`);
  let unreadable = discovered.errors.length;
  for (const report of reports) {
    if (report.error !== undefined) {
      warn(`${displayPath(report.file, cwd)}: ${report.error}`);
      unreadable++;
    }
    if (report.notFixed !== undefined) warn(`${displayPath(report.file, cwd)}: ${report.notFixed}`);
    for (const internal of report.internalErrors) warn(`internal error: ${internal.message}`);
  }

  if (command.updateBaseline && command.baseline) {
    const written = writeBaseline(command.baseline, reports, baselineDir);
    if ('error' in written) {
      warn(written.error);
      return exit.failure;
    }
    const count = written.count;
    warn(`recorded ${count} finding${count === 1 ? '' : 's'} in ${command.baseline}`);
    return unreadable > 0 ? exit.failure : exit.clean;
  }

  const focused = changes ? findingsOnChanges(reports, changes) : reports;
  const attributed = command.stdinFilename === undefined ? await attributeReports(cwd, focused, command.focusAssistant) : { reports: focused };
  if (attributed.error !== undefined) {
    warn(attributed.error);
    return exit.failure;
  }
  const shown = baselineKeys ? withoutBaselined(attributed.reports, baselineKeys, baselineDir) : attributed.reports;
  const ms = Date.now() - started;
  const outcome: ScanOutcome = { reports: shown, summary: summarise(shown, cwd), cwd, ms };
  const output =
    command.format === 'json'
      ? formatJson(outcome)
      : command.format === 'sarif'
        ? formatSarif(outcome, ruleDescriptions)
        : formatText(outcome, colours(wantsColour(process.stdout, process.env)));
  process.stdout.write(output);

  if (command.stats) {
    const { files, lines } = outcome.summary;
    const linesPerSecond = ms > 0 ? Math.round((lines * 1000) / ms) : lines;
    const syntaxErrors = outcome.summary.syntaxErrorFiles.map((e) => `${e.path}:${e.line}:${e.column}`);
    process.stderr.write(`vigil-stats ${JSON.stringify({ files, lines, ms, linesPerSecond, workers, syntaxErrors })}\n`);
  }
  if (command.stdinFilename === undefined && discovered.files.length === 0 && discovered.errors.length === 0) {
    warn(`no JavaScript or TypeScript files found in ${command.paths.join(', ')}`);
  }

  const failing = shown.some((r) => r.findings.some((f) => atOrAbove(f.severity, command.failOn)));
  if (failing) return exit.findings;
  return unreadable > 0 ? exit.failure : exit.clean;
}

/** What git lists under each named folder that lies in a repository (see discover-files.ts). */
async function gitListings(paths: readonly string[]): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  for (const named of paths) {
    const full = path.resolve(named);
    if (out.has(full) || !fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) continue;
    const listed = await gitListedFiles(full);
    if (listed) out.set(full, listed);
  }
  return out;
}
