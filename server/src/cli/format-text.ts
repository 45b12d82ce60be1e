/** `--format text`: findings grouped under each file's path, ESLint's stylish layout, then the totals. */
import type { Severity } from '../core/workspace';
import { Colours } from './terminal';
import { ScanOutcome, displayPath } from './outcome';
import { describeAttribution } from './attributed-findings';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function formatText(outcome: ScanOutcome, c: Colours): string {
  const severityColour: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  const out: string[] = [];
  for (const report of outcome.reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => ({
      at: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      message: (f.attribution ? `${f.message} ${describeAttribution(f.attribution)}` : f.message).replace(/\s*\n\s*/g, ' '),
      ruleId: f.ruleId,
    }));
    const atWidth = Math.max(...rows.map((r) => r.at.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    out.push(c.underline(displayPath(report.file, outcome.cwd)));
    for (const r of rows) {
      const severity = severityColour[r.severity](r.severity.padEnd(severityWidth));
      out.push(`  ${c.dim(r.at.padEnd(atWidth))}  ${severity}  ${r.message}  ${c.dim(r.ruleId)}`);
    }
    out.push('');
  }
  const s = outcome.summary;
  for (const skipped of s.skipped) out.push(`${c.blue('ℹ')} ${skipped.path}: ${skipped.reason}`);
  if (s.skipped.length > 0) out.push('');

  if (s.problems > 0) {
    const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
    if (s.infos > 0) counts.push(plural(s.infos, 'info'));
    if (s.hints > 0) counts.push(plural(s.hints, 'hint'));
    const files = outcome.reports.filter((r) => r.findings.length > 0).length;
    const mark = s.errors > 0 ? c.red('✖') : s.warnings > 0 ? c.yellow('✖') : c.blue('ℹ');
    out.push(c.bold(`${mark} ${plural(s.problems, 'problem')} (${counts.join(', ')}) in ${plural(files, 'file')}`));
  } else {
    out.push('✔ No problems found');
  }
  if (s.fixesApplied > 0) {
    const fixedFiles = outcome.reports.filter((r) => r.fixesApplied > 0).length;
    out.push(`Applied ${plural(s.fixesApplied, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}`);
  }
  if (s.filesWithSyntaxErrors > 0) {
    out.push(`${plural(s.filesWithSyntaxErrors, 'file')} had syntax errors: their findings may be incomplete`);
    for (const e of s.syntaxErrorFiles) out.push(c.dim(`  ${e.path}:${e.line}:${e.column}: ${e.message}`));
  }
  out.push(c.dim(`${plural(s.files, 'file')} scanned in ${(outcome.ms / 1000).toFixed(1)}s`));
  return out.join('\n') + '\n';
}
