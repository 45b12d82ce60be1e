/**
 * The units an edit is located in: each top-level statement, except that a top-level class is split into its head
 * (decorators, name, heritage) and one unit per member. A person types in one function or method; the units are
 * what incremental analysis re-runs or reuses. Units partition the file's tree index (`TreeIndex.nodes`) into
 * contiguous runs, in source order.
 */
import * as ts from 'typescript';
import type { TreeIndex } from '../traverse';

export interface Unit {
  /** The node that is the unit: a statement, a class member, or the class itself for its head. */
  node: ts.Node;
  /** Full start (leading trivia included) and end, as offsets into the text. */
  pos: number;
  end: number;
  /** The unit's run of `TreeIndex.nodes`: `[from, to)`. */
  from: number;
  to: number;
  /** For a class member, the index of its class's head unit. */
  head?: number;
  /** A class head's members start at the next unit; the head owns the class's own nodes only. */
  isHead: boolean;
}

export function unitsOf(sourceFile: ts.SourceFile, tree: TreeIndex): Unit[] {
  const units: Unit[] = [];
  for (const statement of sourceFile.statements) {
    const from = tree.indexOf(statement);
    if (from === undefined) continue;
    const to = tree.endOf(from);
    if (!ts.isClassDeclaration(statement) || statement.members.length === 0) {
      units.push({ node: statement, pos: statement.pos, end: statement.end, from, to, isHead: false });
      continue;
    }
    const firstMember = tree.indexOf(statement.members[0]);
    if (firstMember === undefined) {
      units.push({ node: statement, pos: statement.pos, end: statement.end, from, to, isHead: false });
      continue;
    }
    const head = units.length;
    units.push({ node: statement, pos: statement.pos, end: statement.end, from, to: firstMember, isHead: true });
    let at = firstMember;
    for (const member of statement.members) {
      const memberEnd = tree.endOf(at);
      units.push({ node: member, pos: member.pos, end: member.end, from: at, to: memberEnd, head, isHead: false });
      at = memberEnd;
    }
  }
  return units;
}

/** The index of the unit whose span holds `offset` (a member before its class head), or undefined between units. */
export function unitAt(units: readonly Unit[], offset: number): number | undefined {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid].pos <= offset) lo = mid + 1;
    else hi = mid;
  }
  // The last unit starting at or before the offset; a class head spans its members, so the members come after it.
  for (let i = lo - 1; i >= 0; i--) {
    if (offset < units[i].end || (offset === units[i].end && i === units.length - 1)) return i;
    if (!units[i].isHead && units[i].head === undefined) return undefined;
  }
  return undefined;
}
