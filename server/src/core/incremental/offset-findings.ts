/**
 * Findings by offsets into the text they were made for: what an analysis keeps for the next one of the same
 * document. An edit moves the text after it by a fixed amount, so a kept finding is moved by adding it to every
 * offset past the edit, and made into LSP positions against the new tree only when the result is assembled.
 */
import type { OffsetEdit, Rule } from '../rule';
import type { Finding, Range, Severity } from '../types';
import type { Region } from './plan';

export interface OffsetFinding {
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: { title: string; safe: boolean; edits: OffsetEdit[] }[];
  related: { start: number; end: number; message: string }[];
}

/** A finding with the unit it belongs to: the unit being walked when it was reported, or (from `end`) where it is. */
export interface UnitFinding {
  unit: number;
  atEnd: boolean;
  finding: OffsetFinding;
}

/** Whether any offset of the finding lies inside the text an edit replaced (its edges excepted). */
export function touchesRegion(f: OffsetFinding, region: Region): boolean {
  const inside = (o: number): boolean => o > region.start && o < region.oldEnd;
  return (
    inside(f.start) ||
    inside(f.end) ||
    f.fixes.some((fix) => fix.edits.some((e) => inside(e.start) || inside(e.end))) ||
    f.related.some((r) => inside(r.start) || inside(r.end))
  );
}

/**
 * Whether any offset of the finding lies in or at the edges of the edited text. An offset at an edge may be the end
 * of the token before the edit (which stays) or the start of the one after (which moves): only running the rule
 * again can tell.
 */
function reachesRegion(f: OffsetFinding, region: Region): boolean {
  const at = (o: number): boolean => o >= region.start && o <= region.oldEnd;
  return at(f.start) || at(f.end) || f.fixes.some((fix) => fix.edits.some((e) => at(e.start) || at(e.end))) || f.related.some((r) => at(r.start) || at(r.end));
}

/**
 * Whether a range of the finding holds the edited text, edges included: its message may quote, or a fix's text copy,
 * the code as it was before the edit. After a layout edit that is what runs its unit again.
 */
function holdsRegion(f: OffsetFinding, region: Region): boolean {
  const holds = (start: number, end: number): boolean => start <= region.start && region.oldEnd <= end;
  return holds(f.start, f.end) || f.fixes.some((fix) => fix.edits.some((e) => holds(e.start, e.end))) || f.related.some((r) => holds(r.start, r.end));
}

/** After a layout edit: whether the finding must be made again rather than moved (`reachesRegion`, `holdsRegion`). */
export function reachesOrHoldsRegion(f: OffsetFinding, region: Region): boolean {
  return reachesRegion(f, region) || holdsRegion(f, region);
}

/** The finding where it is after the edit: offsets at or past the replaced text move by the change in length. */
export function shifted(f: OffsetFinding, region: Region): OffsetFinding {
  const delta = region.newEnd - region.oldEnd;
  if (delta === 0) return f;
  const move = (o: number): number => (o >= region.oldEnd && o > region.start ? o + delta : o);
  return {
    ...f,
    start: move(f.start),
    end: move(f.end),
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: move(e.start), end: move(e.end) })) })),
    related: f.related.map((r) => ({ ...r, start: move(r.start), end: move(r.end) })),
  };
}

/** The public finding, with LSP positions as `rangeOf` gives them in the text it was made for. */
export function toFinding(rule: Rule, f: OffsetFinding, rangeOf: (start: number, end: number) => Range): Finding {
  return {
    ruleId: rule.meta.id,
    category: rule.meta.category,
    severity: f.severity,
    message: f.message,
    range: rangeOf(f.start, f.end),
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((e) => ({ range: rangeOf(e.start, e.end), newText: e.text })),
    })),
    related: f.related.map((r) => ({ range: rangeOf(r.start, r.end), message: r.message })),
  };
}
