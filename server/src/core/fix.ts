/** Applying fixes to text: shared by `vigil scan --fix`, `source.fixAll` and the tests' apply-and-reanalyse harness. */
import type { Finding, Fix, Position, TextEdit } from './types';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetAt(starts: readonly number[], text: string, p: Position): number {
  if (p.line >= starts.length) return text.length;
  return Math.min(starts[p.line] + p.character, p.line + 1 < starts.length ? starts[p.line + 1] : text.length);
}

/** Applies non-overlapping edits given against `text`. Throws on overlap: that is a bug in a rule's fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error(`overlapping edits at offset ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return a.some((x) => b.some((y) => !(before(x.range.end, y.range.start) || before(y.range.end, x.range.start))));
}

/**
 * The safe fixes of `findings` that can go into one edit: the first of each finding, skipping any that overlaps
 * one already taken. Callers re-analyse and repeat to pick up the ones skipped (as ESLint's fix passes do).
 */
export function combinableSafeFixes(findings: readonly Finding[]): Fix[] {
  const taken: Fix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (fix && !taken.some((t) => overlaps(t.edits, fix.edits))) taken.push(fix);
  }
  return taken;
}

/** Two edits inserting the same text at the same place (two fixes adding one import) become one. */
export function dedupeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}:${e.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
