/**
 * A finding's identity across edits elsewhere in the file: the rule, the whitespace-normalised text of its first
 * line, and which occurrence of that pair it is in the file. Used for SARIF `partialFingerprints` (GitHub code
 * scanning's `primaryLocationLineHash` convention: "<hash>:<occurrence>") and for the baseline.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../core/workspace';

export function fingerprints(findings: readonly Pick<Finding, 'ruleId' | 'range'>[], text: string): string[] {
  // Most files of a scan have no finding: their text is not split into lines.
  if (findings.length === 0) return [];
  const lines = text.split('\n');
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const line = (lines[finding.range.start.line] ?? '').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(`${finding.ruleId}\u0000${line}`).digest('hex').slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
