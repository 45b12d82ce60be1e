/**
 * `vigil sarif merge`: the logs of a sharded scan joined into the one log an unsharded scan writes. Each shard ran
 * the same Vigil on the same checkout, so the runs share their tool, rules and source root; the merge keeps the
 * first run's and refuses logs from another tool or version rather than mixing rule indexes.
 */
import * as fs from 'node:fs';
import type * as Sarif from 'sarif';
import type { SarifMergeCommand } from './args';
import { exit, warn } from './exit';
import { compareNotifications, compareResults } from './sarif-order';

export function readRun(file: string): { run?: Sarif.Run; error?: string } {
  let log: Sarif.Log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8')) as Sarif.Log;
  } catch (error) {
    return { error: `${file}: not a readable SARIF file (${(error as Error).message})` };
  }
  if (log?.version !== '2.1.0' || !Array.isArray(log.runs) || log.runs.length !== 1) {
    return { error: `${file}: expected a SARIF 2.1.0 log with one run, as vigil scan --format sarif writes` };
  }
  return { run: log.runs[0] };
}

export function mergeRuns(runs: readonly Sarif.Run[]): { log?: Sarif.Log; error?: string } {
  const [first] = runs;
  const driver = (run: Sarif.Run): string => `${run.tool.driver.name} ${run.tool.driver.version ?? ''}`;
  const other = runs.find((run) => driver(run) !== driver(first));
  if (other) return { error: `the logs come from different tools: ${driver(first)} and ${driver(other)}` };
  const results = runs.flatMap((run) => run.results ?? []).sort(compareResults);
  const notifications = runs
    .flatMap((run) => run.invocations ?? [])
    .flatMap((invocation) => invocation.toolExecutionNotifications ?? [])
    .sort(compareNotifications);
  const executionSuccessful = runs.every((run) => (run.invocations ?? []).every((i) => i.executionSuccessful));
  const merged: Sarif.Run = { ...first, invocations: [{ executionSuccessful, toolExecutionNotifications: notifications }], results };
  return { log: { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [merged] } };
}

export function runSarifMerge(command: SarifMergeCommand): number {
  const runs: Sarif.Run[] = [];
  for (const file of command.files) {
    const { run, error } = readRun(file);
    if (error !== undefined || !run) {
      warn(error ?? `${file}: no run`);
      return exit.failure;
    }
    runs.push(run);
  }
  const { log, error } = mergeRuns(runs);
  if (error !== undefined || !log) {
    warn(error ?? 'nothing to merge');
    return exit.failure;
  }
  process.stdout.write(JSON.stringify(log, null, 2) + '\n');
  return exit.clean;
}
