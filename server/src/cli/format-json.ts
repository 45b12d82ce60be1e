/**
 * `--format json` (DESIGN.md "CLI"): lines and columns are 1-based; `endLine` is inclusive and `endColumn` is the
 * 1-based column just after the last character (ESLint's and SARIF's convention); columns count UTF-16 code units.
 */
import { ScanOutcome, displayPath } from './outcome';
import { version } from './package-info';

export function formatJson(outcome: ScanOutcome): string {
  const findings = outcome.reports.flatMap((report) =>
    report.findings.map((f) => ({
      path: displayPath(report.file, outcome.cwd),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe })),
      ...(f.attribution ? { attribution: f.attribution } : {}),
    })),
  );
  return JSON.stringify({ version, findings, summary: outcome.summary }, null, 2) + '\n';
}
