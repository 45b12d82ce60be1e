/**
 * `vigil sarif annotate`: a SARIF log's results as GitHub Actions workflow commands, so a pull request shows them
 * on its lines in any repository (code scanning's own alerts need it to be enabled). Paths are resolved from the
 * log's %SRCROOT% to the working directory, which in a workflow is the repository's root.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import type { Severity } from '../core/workspace';
import type { SarifAnnotateCommand } from './args';
import { exit, warn } from './exit';
import { atOrAbove } from './outcome';
import { readRun } from './sarif-merge-command';

const commandOf: Record<string, string> = { error: 'error', warning: 'warning', note: 'notice', none: 'notice' };
const severityOf: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info', none: 'hint' };

/** The workflow-command escapes: `%`, CR and LF everywhere, and `:` and `,` inside properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function fileOf(uri: string, run: Sarif.Run, cwd: string): string {
  const base = run.originalUriBaseIds?.['%SRCROOT%']?.uri;
  if (!base) return uri;
  const absolute = fileURLToPath(new URL(uri, base));
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

export function annotations(run: Sarif.Run, cwd: string): string[] {
  return (run.results ?? []).map((result) => {
    const level = result.level ?? 'warning';
    const physical = result.locations?.[0]?.physicalLocation;
    const region = physical?.region;
    const properties: string[] = [];
    if (physical?.artifactLocation?.uri) properties.push(`file=${escapeProperty(fileOf(physical.artifactLocation.uri, run, cwd))}`);
    if (region?.startLine) properties.push(`line=${region.startLine}`);
    if (region?.startColumn) properties.push(`col=${region.startColumn}`);
    if (region?.endLine) properties.push(`endLine=${region.endLine}`);
    if (region?.endColumn) properties.push(`endColumn=${region.endColumn}`);
    properties.push(`title=${escapeProperty(`Vigil ${result.ruleId ?? ''}`.trim())}`);
    return `::${commandOf[level] ?? 'warning'} ${properties.join(',')}::${escapeData(result.message.text ?? '')}`;
  });
}

export function runSarifAnnotate(command: SarifAnnotateCommand): number {
  const { run, error } = readRun(command.file);
  if (error !== undefined || !run) {
    warn(error ?? `${command.file}: no run`);
    return exit.failure;
  }
  const lines = annotations(run, process.cwd());
  if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  const failOn = command.failOn;
  const failing = failOn !== undefined && (run.results ?? []).some((r) => atOrAbove(severityOf[r.level ?? 'warning'] ?? 'warning', failOn));
  return failing ? exit.findings : exit.clean;
}
