/**
 * Verdicts on findings, keyed by a fingerprint that survives edits elsewhere in the app: the app, the file, the rule,
 * and the CLI's own line fingerprint (hash of the rule and the whitespace-normalised flagged line, and which
 * occurrence of that pair it is in the file). A finding whose key has no verdict is unjudged.
 */
import * as fs from 'node:fs';
import { fingerprints } from '../../server/src/cli/fingerprint';

export type Verdict = 'true' | 'false' | 'debatable';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

/** One finding of `vigil scan --format json` (1-based lines). */
export interface ScannedFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  category: string;
  message: string;
}

const verdicts: readonly string[] = ['true', 'false', 'debatable'];

export function readVerdicts(file: string): Map<string, Judgement> {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Judgement>;
  const result = new Map<string, Judgement>();
  for (const [key, judgement] of Object.entries(parsed)) {
    if (!verdicts.includes(judgement.verdict)) throw new Error(`${file}: "${key}" has verdict "${judgement.verdict}"`);
    result.set(key, judgement);
  }
  return result;
}

/** The verdict key of each finding, in order; `readText` gives a file's text by its path in the app. */
export function verdictKeys(appKey: string, findings: readonly ScannedFinding[], readText: (file: string) => string): string[] {
  const keys: string[] = new Array<string>(findings.length);
  const byPath = new Map<string, number[]>();
  findings.forEach((f, i) => byPath.set(f.path, [...(byPath.get(f.path) ?? []), i]));
  for (const [file, indexes] of byPath) {
    // Occurrences count in source order, whatever order the scan reported them in.
    indexes.sort((a, b) => findings[a].line - findings[b].line || findings[a].column - findings[b].column);
    const ranged = indexes.map((i) => ({ ruleId: findings[i].ruleId, range: lineRange(findings[i].line) }));
    const prints = fingerprints(ranged, readText(file));
    indexes.forEach((findingIndex, j) => {
      keys[findingIndex] = `${appKey} ${file} ${findings[findingIndex].ruleId} ${prints[j]}`;
    });
  }
  return keys;
}

function lineRange(line: number) {
  const start = { line: line - 1, character: 0 };
  return { start, end: start };
}
