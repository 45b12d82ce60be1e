/**
 * Counting judged findings into precision figures. Precision is true / (true + false): a debatable finding is
 * left out of it (a reasonable reviewer could go either way), and the strict figure counts it as false.
 */
import type { Verdict } from './verdicts';

export interface TalliedFinding {
  ruleId: string;
  category: string;
  inTest: boolean;
  verdict: Verdict | undefined;
}

export interface Tally {
  findings: number;
  true: number;
  false: number;
  debatable: number;
  unjudged: number;
}

export function tally(findings: readonly TalliedFinding[]): Tally {
  const t: Tally = { findings: findings.length, true: 0, false: 0, debatable: 0, unjudged: 0 };
  for (const f of findings) t[f.verdict ?? 'unjudged'] += 1;
  return t;
}

export function precision(t: Tally): number | undefined {
  return t.true + t.false === 0 ? undefined : t.true / (t.true + t.false);
}

export function strictPrecision(t: Tally): number | undefined {
  const judged = t.true + t.false + t.debatable;
  return judged === 0 ? undefined : t.true / judged;
}

export function formatShare(share: number | undefined): string {
  return share === undefined ? '–' : `${(share * 100).toFixed(1)} %`;
}
