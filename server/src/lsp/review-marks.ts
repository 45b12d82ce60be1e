/**
 * What the inserted blocks do to a document's diagnostics: a finding inside an unreviewed block says how fresh
 * that code is, and the `vigil.focus` setting keeps only the findings in the code the user wants to see. Pure:
 * the diagnostics, the blocks and the changed lines in, the diagnostics to publish out. Code and data are kept,
 * so code actions find their findings as before.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Focus, InsertedBlock, Position, Range } from '../../../shared/src/protocol';

/** The lines changed since the last commit (0-based), `all` for a file git does not know yet. */
export type ChangedLines = ReadonlySet<number> | 'all';

export interface ReviewContext {
  focus: Focus;
  /**
   * Undefined when the client never sent blocks (another LSP client): nothing is marked, and `inserted` (or
   * `changed` outside git) shows everything rather than nothing.
   */
  blocks: readonly InsertedBlock[] | undefined;
  /** Undefined outside a git repository. */
  changedLines: ChangedLines | undefined;
  now: number;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges share a character (an empty range counts where it stands). */
function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && (before(b.start, a.end) || (a.start.line === a.end.line && a.start.character === a.end.character && !before(a.start, b.start)));
}

export function insertedAgo(insertedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - insertedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

function onChangedLine(diagnostic: Diagnostic, changed: ChangedLines | undefined): boolean {
  if (changed === undefined) return false;
  if (changed === 'all') return true;
  for (let line = diagnostic.range.start.line; line <= diagnostic.range.end.line; line++) if (changed.has(line)) return true;
  return false;
}

export function reviewDiagnostics(diagnostics: readonly Diagnostic[], context: ReviewContext): Diagnostic[] {
  const unreviewed = context.blocks?.filter((b) => !b.reviewed) ?? [];
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    // The "not analysed" notice has no finding behind it: it always shows.
    if (diagnostic.data === undefined) {
      result.push(diagnostic);
      continue;
    }
    const block = unreviewed.filter((b) => overlaps(diagnostic.range, b.range)).sort((x, y) => y.insertedAt - x.insertedAt)[0];
    // Without blocks from the client, and without git for `changed`, Vigil cannot tell what to leave out.
    const unknowable = context.blocks === undefined && (context.focus === 'inserted' || context.changedLines === undefined);
    const shown = context.focus === 'all'
      || block !== undefined
      || unknowable
      || (context.focus === 'changed' && onChangedLine(diagnostic, context.changedLines));
    if (!shown) continue;
    result.push(block ? { ...diagnostic, message: `${diagnostic.message} (In code inserted ${insertedAgo(block.insertedAt, context.now)}, not yet reviewed.)` } : diagnostic);
  }
  return result;
}
