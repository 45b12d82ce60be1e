/**
 * A client's incremental change, made safe to apply. `TextDocument.update` keeps its line-offset table up to date
 * from the range's line numbers, assuming they lie inside the document: a range on lines past the end (or a
 * fractional, negative or missing coordinate) leaves holes in the table while the text itself is changed at the
 * clamped offsets, and from then on every later change lands somewhere other than where the client put it. The
 * range is therefore turned into offsets the way `offsetAt` clamps them, and back into the positions that name
 * those offsets, before the library sees it.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** An incremental change with a range inside the document, start first, and the offsets it replaces. */
export interface WellFormedChange {
  change: TextDocumentContentChangeEvent;
  /** `[start, end)` in the text as it is before the change; absent for a whole-text replacement. */
  span?: { start: number; end: number };
}

/** A coordinate as a whole non-negative number; anything else (null, NaN, a string) is 0, as `offsetAt` reads it. */
function coordinate(value: unknown): number {
  return typeof value === 'number' && value > 0 ? Math.floor(value) : 0;
}

function clampedOffset(document: TextDocument, position: Position | undefined): number {
  return document.offsetAt({ line: coordinate(position?.line), character: coordinate(position?.character) });
}

/** The shape of a change event: text, and a range object or none. A change that is not this is not applied at all. */
export function isChangeEvent(value: unknown): value is TextDocumentContentChangeEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { text, range } = value as { text?: unknown; range?: unknown };
  return typeof text === 'string' && (range === undefined || (typeof range === 'object' && range !== null));
}

export function wellFormedChange(document: TextDocument, change: TextDocumentContentChangeEvent): WellFormedChange {
  if (!('range' in change) || change.range === undefined) return { change: { text: change.text } };
  const given: Partial<Range> = change.range;
  const a = clampedOffset(document, given.start);
  const b = clampedOffset(document, given.end);
  const span = { start: Math.min(a, b), end: Math.max(a, b) };
  const range = { start: document.positionAt(span.start), end: document.positionAt(span.end) };
  return { change: { range, text: change.text }, span };
}
