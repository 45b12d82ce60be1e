/**
 * Findings as the MCP tools hand them to an agent: 1-based lines and columns (as the CLI's JSON and every editor
 * show them), each fix with its title, whether it is safe, and its edits, so the agent can apply one itself.
 */
import type { Finding, Range } from '../core/workspace';
import type { FileReport } from '../cli/analyse-file';
import { displayPath } from '../cli/outcome';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FindingView extends Span {
  path: string;
  ruleId: string;
  category: string;
  severity: string;
  message: string;
  fixes: { title: string; safe: boolean; edits: (Span & { newText: string })[] }[];
}

function span(range: Range): Span {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function viewFinding(finding: Finding, shownPath: string): FindingView {
  return {
    path: shownPath,
    ...span(finding.range),
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((edit) => ({ ...span(edit.range), newText: edit.newText })),
    })),
  };
}

export function viewReports(reports: readonly FileReport[], cwd: string): FindingView[] {
  return reports.flatMap((report) => report.findings.map((f) => viewFinding(f, displayPath(report.file, cwd))));
}
