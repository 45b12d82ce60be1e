/** `--changed` / `--since`: the lines a change touched, and the reports cut down to the findings on them. */
import { ChangeScope, ChangedFiles, changedFiles, touchesChange } from '../git/changed-lines';
import { openRepository } from '../git/run-git';
import type { FileReport } from './analyse-file';

export async function loadChanges(cwd: string, scope: ChangeScope): Promise<{ changes?: ChangedFiles; error?: string }> {
  const repo = await openRepository(cwd);
  const flag = scope.kind === 'uncommitted' ? '--changed' : '--since';
  if (!repo) return { error: `${flag} needs a git work tree, and ${cwd} is not in one (or git is not installed).` };
  return changedFiles(repo, scope);
}

/** Files that did not change keep no finding; the others keep those touching a changed line. */
export function findingsOnChanges(reports: readonly FileReport[], changes: ChangedFiles): FileReport[] {
  return reports.map((report) => {
    const lines = changes.linesOf(report.file);
    const findings = lines === undefined ? [] : report.findings.filter((f) => touchesChange(lines, f.range.start.line, f.range.end.line));
    return { ...report, findings };
  });
}
