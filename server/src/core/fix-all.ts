/**
 * Every safe fix of a text, in passes as ESLint applies them: the fixes that do not overlap go in together, the
 * result is analysed again, and the loop repeats until nothing is left to fix or ten passes have run. One loop
 * for `vigil scan --fix` and the editor's `source.fixAll.vigil`, so both leave the same text.
 *
 * A fix must never leave the file worse, nor one bad fix cost the others: a pass that throws (overlapping edits,
 * a rule's bug) or adds syntax errors is dropped, its fixes are then tried one at a time, and a fix that fails
 * alone is not tried again.
 */
import type { AnalysisResult, Fix, Position, TextEdit } from './types';
import { applyEdits, combinableSafeFixes, dedupeEdits } from './fix';

export const maxFixPasses = 10;

export interface FixOutcome {
  text: string;
  /** The analysis of `text`, so the caller reports what remains without analysing again. */
  result: AnalysisResult;
  fixesApplied: number;
}

type Analyse = (text: string) => AnalysisResult;

/** The fix's text, independent of where earlier passes moved it: two passes offering the same bad fix agree. */
function fixKey(fix: Fix): string {
  return `${fix.title}\u0000${fix.edits.map((e) => e.newText).join('\u0000')}`;
}

/** The text after `fixes`, with its analysis, if it applies and adds no syntax error; else undefined. */
function attempt(text: string, result: AnalysisResult, fixes: readonly Fix[], analyse: Analyse): { text: string; result: AnalysisResult } | undefined {
  let next: string;
  try {
    next = applyEdits(text, dedupeEdits(fixes.flatMap((f) => f.edits)));
  } catch {
    return undefined;
  }
  if (next === text) return undefined;
  const nextResult = analyse(next);
  if (nextResult.parseErrors.length > result.parseErrors.length) return undefined;
  return { text: next, result: nextResult };
}

/** `first`: the analysis of `text` when the caller has it (the editor's cache). */
export function applySafeFixes(text: string, analyse: Analyse, first?: AnalysisResult): FixOutcome {
  let result = first ?? analyse(text);
  let fixesApplied = 0;
  const failed = new Set<string>();
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const findings = failed.size === 0 ? result.findings : result.findings.map((f) => ({ ...f, fixes: f.fixes.filter((x) => !failed.has(fixKey(x))) }));
    const fixes = combinableSafeFixes(findings);
    if (fixes.length === 0) break;
    let applied = attempt(text, result, fixes, analyse);
    let count = fixes.length;
    if (!applied) {
      // Find the first fix that works on its own; the next pass takes the others again.
      count = 1;
      if (fixes.length === 1) failed.add(fixKey(fixes[0]));
      else {
        for (const fix of fixes) {
          applied = attempt(text, result, [fix], analyse);
          if (applied) break;
          failed.add(fixKey(fix));
        }
      }
    }
    if (!applied) continue;
    text = applied.text;
    result = applied.result;
    fixesApplied += count;
  }
  return { text, result, fixesApplied };
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * One edit replacing only the region where `before` and `after` differ (undefined when they are equal), so that
 * `editor.codeActionsOnSave` applies the whole fix-all in one step and the cursor outside it stays put.
 */
export function changedRegionEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Keep surrogate pairs whole: an edit boundary inside one would corrupt the character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    range: { start: positionAt(before, start), end: positionAt(before, before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
