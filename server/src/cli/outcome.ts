/** What a scan produced, in the shape every output format reads: reports per file and the totals. */
import * as path from 'node:path';
import type { Severity } from '../core/workspace';
import type { FileReport, SyntaxErrorAt } from './analyse-file';

export interface SkippedFile {
  path: string;
  reason: string;
}

/** A file the parser could not read whole, and where it first failed. */
export interface SyntaxErrorFile extends SyntaxErrorAt {
  path: string;
}

export interface ScanSummary {
  files: number;
  lines: number;
  problems: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixesApplied: number;
  filesWithSyntaxErrors: number;
  syntaxErrorFiles: SyntaxErrorFile[];
  skipped: SkippedFile[];
}

export interface ScanOutcome {
  /** Findings are already filtered by the baseline. */
  reports: FileReport[];
  summary: ScanSummary;
  /** Paths are shown relative to it, with `/`. */
  cwd: string;
  ms: number;
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join('/');
}

const severityCount: Record<Severity, 'errors' | 'warnings' | 'infos' | 'hints'> = {
  error: 'errors',
  warning: 'warnings',
  info: 'infos',
  hint: 'hints',
};

export function summarise(reports: readonly FileReport[], cwd: string): ScanSummary {
  const summary: ScanSummary = {
    files: 0, lines: 0, problems: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixesApplied: 0, filesWithSyntaxErrors: 0, syntaxErrorFiles: [], skipped: [],
  };
  for (const report of reports) {
    if (report.error === undefined || report.lines > 0) summary.files++;
    summary.lines += report.lines;
    summary.fixesApplied += report.fixesApplied;
    if (report.syntaxErrors > 0) {
      summary.filesWithSyntaxErrors++;
      if (report.firstSyntaxError) summary.syntaxErrorFiles.push({ path: displayPath(report.file, cwd), ...report.firstSyntaxError });
    }
    if (report.skipped) summary.skipped.push({ path: displayPath(report.file, cwd), reason: report.skipped });
    if (report.incomplete) summary.skipped.push({ path: displayPath(report.file, cwd), reason: report.incomplete });
    for (const finding of report.findings) {
      summary.problems++;
      summary[severityCount[finding.severity]]++;
    }
  }
  return summary;
}

const rank: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return rank[severity] >= rank[threshold];
}
