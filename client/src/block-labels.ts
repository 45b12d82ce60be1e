/**
 * The words the CodeLens, the view and the status bar use for inserted blocks. Pure (no `vscode` at runtime), so
 * the wording is unit-tested.
 */

/** "just now", "2 min ago", "3 h ago", "2 days ago". */
export function ageLabel(insertedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - insertedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

export function findingsLabel(count: number): string {
  return count === 1 ? '1 finding' : `${count} findings`;
}

/** The CodeLens above a block: "Inserted 2 min ago · 3 findings". */
export function blockLensTitle(insertedAt: number, now: number, findings: number): string {
  return `Inserted ${ageLabel(insertedAt, now)} · ${findingsLabel(findings)}`;
}

/** "Lines 11–17" (1-based, as the editor numbers them). */
export function linesLabel(startLine: number, endLine: number): string {
  return startLine === endLine ? `Line ${startLine + 1}` : `Lines ${startLine + 1}–${endLine + 1}`;
}

/** "Review checklist", with the progress once questions are ticked: "Review checklist (2 ticked)". */
export function checklistLensTitle(checked: number): string {
  return checked > 0 ? `Review checklist (${checked} ticked)` : 'Review checklist';
}
