/**
 * `--fix` on one text: apply every combinable safe fix, analyse again, and repeat (as ESLint's fix passes do) until
 * nothing is left to fix or ten passes have run. A pass that would add syntax errors is dropped: a fix must never
 * leave the file worse than it was.
 */
import type { AnalysisResult } from '../core/types';
import { applyEdits, combinableSafeFixes, dedupeEdits } from '../core/fix';

export const maxFixPasses = 10;

export interface FixOutcome {
  text: string;
  /** The analysis of `text`, so the caller reports what remains without analysing again. */
  result: AnalysisResult;
  fixesApplied: number;
}

export function applySafeFixes(text: string, analyse: (text: string) => AnalysisResult): FixOutcome {
  let result = analyse(text);
  let fixesApplied = 0;
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const fixes = combinableSafeFixes(result.findings);
    if (fixes.length === 0) break;
    let next: string;
    try {
      next = applyEdits(text, dedupeEdits(fixes.flatMap((f) => f.edits)));
    } catch {
      break;
    }
    if (next === text) break;
    const nextResult = analyse(next);
    if (nextResult.parseErrors.length > result.parseErrors.length) break;
    text = next;
    result = nextResult;
    fixesApplied += fixes.length;
  }
  return { text, result, fixesApplied };
}
