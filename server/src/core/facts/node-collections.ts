/**
 * What an index of the file gathers from its nodes by their syntax alone (the assignments to a name, the calls of a
 * plain name, the member paths a test reads, the values put into an array): gathered unit by unit
 * (incremental/units.ts), each unit's part kept as a text fact (text-facts.ts). After an edit, only the units the
 * reparse made anew are looked through: in a 10,000-line file, the walks over every node these indexes made on each
 * keystroke were 5 ms of it.
 */
import type * as ts from 'typescript';
import type { TreeIndex } from '../traverse';
import type { Unit } from '../incremental/units';
import type { FactKey } from './facts';
import type { TextFacts } from './text-facts';

/** Adds to `out` what one node holds, reading nothing but the node's own syntax. */
export type Gather<T> = (node: ts.Node, out: T[]) => void;

export class NodeCollections {
  /**
   * `kept`: an open document's text facts and units; without them (a one-off analysis) every node is looked through
   * once per collection.
   */
  constructor(
    private readonly tree: TreeIndex,
    private readonly kept?: { textFacts: TextFacts; units: readonly Unit[] },
  ) {}

  /** What `gather` finds in the file's nodes, in source order (the source file node and its end token hold nothing). */
  of<T>(key: FactKey<readonly T[]>, gather: Gather<T>): T[] {
    if (!this.kept) return this.gathered(gather, 0, this.tree.nodes.length);
    const out: T[] = [];
    for (const unit of this.kept.units) {
      // A class head's own nodes are few, and its node is made anew whenever one of its members is.
      const part = unit.isHead ? this.gathered(gather, unit.from, unit.to) : this.kept.textFacts.of(key, unit.node, () => this.gathered(gather, unit.from, unit.to));
      for (const x of part) out.push(x);
    }
    return out;
  }

  private gathered<T>(gather: Gather<T>, from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = from; i < to; i++) gather(this.tree.nodes[i], out);
    return out;
  }
}

/** `items` grouped by the name `nameOf` gives each, each group in the items' order: what the indexes look names up in. */
export function byName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const name = nameOf(item);
    const list = out.get(name);
    if (list) list.push(item);
    else out.set(name, [item]);
  }
  return out;
}
