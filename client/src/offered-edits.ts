/**
 * The edits of the code actions Vigil last offered per document, so that applying one is recognised: a fix is
 * Vigil's own code, not code awaiting review. VS Code applies a code action's edit as it is given, so the change
 * event holds exactly its ranges and texts. Pure: unit-tested.
 */
import type { Range } from '../../shared/src/protocol';

export interface PlainEdit {
  range: Range;
  text: string;
}

/** Code-action requests remembered per document: the menu shown may come from a request just before the last. */
const remembered = 4;

function key(edit: PlainEdit): string {
  const { start, end } = edit.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}\u0000${edit.text}`;
}

export class OfferedEdits {
  private readonly byUri = new Map<string, Set<string>[]>();

  /** The edits of one code-action answer (each action's edits for this document). */
  offered(uri: string, edits: readonly PlainEdit[]): void {
    if (edits.length === 0) return;
    const answers = this.byUri.get(uri) ?? [];
    answers.push(new Set(edits.map(key)));
    if (answers.length > remembered) answers.shift();
    this.byUri.set(uri, answers);
  }

  /** Whether every change of an event is one of the edits offered (then the event is a Vigil fix being applied). */
  isOffered(uri: string, changes: readonly PlainEdit[]): boolean {
    const answers = this.byUri.get(uri);
    if (!answers || changes.length === 0) return false;
    return changes.every((c) => answers.some((a) => a.has(key(c))));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
