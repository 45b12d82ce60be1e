/**
 * Pre-order traversal with an explicit stack: generated and minified code nests tens of thousands of levels
 * deep (`a + a + a …`), which would overflow a recursive walk.
 */
import * as ts from 'typescript';

/** Visits `root` and its descendants in source order; `enter` returning false skips a node's children. */
export function preorder(root: ts.Node, enter: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const push = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    ts.forEachChild(node, push);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    children.length = 0;
  }
}
