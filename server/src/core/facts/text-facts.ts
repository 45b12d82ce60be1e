/**
 * Facts that depend on a node's own text alone: no name resolved, no offset, nothing of the rest of the file (the
 * tokens of a statement, the JSDoc comment a function's parameters call for). `ts.updateSourceFile` reuses a node
 * only where an edit left its text as it was, so a document keeps these from one analysis to the next (in its
 * AnalysisBase) and a node the reparse reused is not asked again. Nodes no tree holds any more are let go.
 */
import type * as ts from 'typescript';
import type { FactKey } from './facts';

/** What `TextFacts.of` keeps for a fact whose answer is undefined. */
const noValue: unique symbol = Symbol('no value');

export class TextFacts {
  private readonly values = new Map<FactKey<unknown>, WeakMap<ts.Node, unknown>>();

  /** The fact `key` of `node`: computed by `compute` the first time any analysis of the document asks. */
  of<T>(key: FactKey<T>, node: ts.Node, compute: () => T): T {
    let values = this.values.get(key);
    if (!values) this.values.set(key, (values = new WeakMap()));
    const known = values.get(node);
    if (known !== undefined) return (known === noValue ? undefined : known) as T;
    const value = compute();
    values.set(node, value === undefined ? noValue : value);
    return value;
  }
}
