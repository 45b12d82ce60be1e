/**
 * The function each node is in, remembered for every node a search passes. Rules ask it for most calls of a
 * file; climbing the parents each time costs the depth of the tree per call, which an `else if` chain of
 * thousands of branches makes quadratic.
 */
import type * as ts from 'typescript';
import { isFunctionLike } from './syntax';

export class EnclosingFunctions {
  private readonly known = new Map<ts.Node, ts.FunctionLikeDeclaration | null>();

  /** The nearest function above `node` (not `node` itself), as syntax.ts's `enclosingFunction`. */
  of(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
    const passed: ts.Node[] = [];
    let found: ts.FunctionLikeDeclaration | null = null;
    for (let n = node.parent; n; n = n.parent) {
      if (isFunctionLike(n)) {
        found = n;
        break;
      }
      const known = this.known.get(n);
      if (known !== undefined) {
        found = known;
        break;
      }
      passed.push(n);
    }
    // Each node passed is inside `found` too, and not itself a function.
    for (const n of passed) this.known.set(n, found);
    return found ?? undefined;
  }
}
