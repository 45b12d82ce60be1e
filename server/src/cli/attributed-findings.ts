/**
 * Who wrote each finding's lines, from the Agent Trace notes of the repository (refs/notes/agent-trace), and
 * `--focus assistant`: only findings on lines an assistant wrote. Without notes nothing is blamed, so a scan of a
 * repository that has none costs one git call.
 */
import { Attribution, attributeFiles, hasAgentTrace, isAssistant } from '../git/attribution';
import { openRepository } from '../git/run-git';
import type { FileReport, ReportedFinding } from './analyse-file';

function attributionOf(finding: ReportedFinding, lines: ReadonlyMap<number, Attribution>): Attribution | undefined {
  let any: Attribution | undefined;
  for (let line = finding.range.start.line; line <= finding.range.end.line; line++) {
    const attribution = lines.get(line);
    if (attribution && isAssistant(attribution)) return attribution;
    any ??= attribution;
  }
  return any;
}

export async function attributeReports(cwd: string, reports: readonly FileReport[], focusAssistant: boolean): Promise<{ reports: FileReport[]; error?: string }> {
  const repo = await openRepository(cwd);
  if (!repo) {
    return focusAssistant ? { reports: [...reports], error: `--focus assistant needs a git work tree, and ${cwd} is not in one.` } : { reports: [...reports] };
  }
  if (!(await hasAgentTrace(repo))) return { reports: focusAssistant ? reports.map((r) => ({ ...r, findings: [] })) : [...reports] };
  const attributed = await attributeFiles(repo, reports.filter((r) => r.findings.length > 0).map((r) => r.file));
  return {
    reports: reports.map((report) => {
      const lines = attributed.get(report.file);
      const findings = report.findings
        .map((f) => {
          const attribution = lines && attributionOf(f, lines);
          return attribution ? { ...f, attribution } : f;
        })
        .filter((f) => !focusAssistant || (f.attribution !== undefined && isAssistant(f.attribution)));
      return { ...report, findings };
    }),
  };
}

/** One sentence for a reviewer, after the finding's message. */
export function describeAttribution(attribution: Attribution): string {
  const who = attribution.contributor === 'ai' ? 'an assistant' : attribution.contributor === 'mixed' ? 'an assistant, edited by a person' : `a ${attribution.contributor} contributor`;
  const model = attribution.modelId ? ` (${attribution.modelId})` : '';
  const review = isAssistant(attribution) ? (attribution.reviewed ? ', marked reviewed in the editor' : ', not yet reviewed') : '';
  return `Written by ${who}${model} in ${attribution.revision.slice(0, 7)}${review}.`;
}
