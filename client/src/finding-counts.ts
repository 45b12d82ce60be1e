/**
 * The status bar's words: Vigil's findings in the active file, counted by severity. Pure (no `vscode` at
 * runtime) so the wording is unit-tested.
 */

/** VS Code's DiagnosticSeverity values: Error 0, Warning 1, Information 2, Hint 3. */
export type SeverityValue = 0 | 1 | 2 | 3;

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countBySeverity(severities: Iterable<SeverityValue>): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const s of severities) {
    if (s === 0) counts.errors++;
    else if (s === 1) counts.warnings++;
    else if (s === 2) counts.infos++;
    else counts.hints++;
  }
  return counts;
}

/**
 * Status bar text with codicons: only the severities present, or a check mark when the file is clean; then the
 * file's inserted blocks awaiting review, if any.
 */
export function statusText(counts: FindingCounts, toReview = 0): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(`$(error) ${counts.errors}`);
  if (counts.warnings) parts.push(`$(warning) ${counts.warnings}`);
  if (counts.infos + counts.hints) parts.push(`$(info) ${counts.infos + counts.hints}`);
  const findings = parts.length ? `Vigil ${parts.join(' ')}` : 'Vigil $(check)';
  return toReview ? `${findings} · $(eye) ${toReview} to review` : findings;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Tooltip: the same counts in words, naming the file, and what a click does. */
export function statusTooltip(counts: FindingCounts, fileName: string, toReview = 0): string {
  const total = counts.errors + counts.warnings + counts.infos + counts.hints;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.infos + counts.hints, 'note')];
  const findings = total ? `Vigil: ${parts.join(', ')} in ${fileName}.` : `Vigil: no findings in ${fileName}`;
  if (toReview) return `${findings}${total ? '' : '.'} ${plural(toReview, 'inserted block')} to review. Click to list them.`;
  return total ? `${findings} Click to list them in the Problems panel.` : findings;
}
