/**
 * Whether an edit only moved a unit's code around: whitespace typed or deleted between its tokens (a space at the
 * end of a line, a line broken in two, re-indentation). Such an edit changes no name, no declaration and no value,
 * so it ties the unit to no other one, wherever in the unit it is. The test is on the trees, not the text: a space
 * inside a string or a template changes a literal, one that splits or joins a token changes the nodes, and a line
 * break after `return` changes the statement, and each of those makes the trees differ.
 */
import * as ts from 'typescript';

/** Whether the replaced text and its replacement are both whitespace only (comments may hold JSDoc types). */
export function onlyWhitespace(before: string, after: string): boolean {
  return /^\s*$/.test(before) && /^\s*$/.test(after);
}

/** Flags the parser gives a node itself; the others cache what was asked of its subtree (whether it holds an error). */
const ownFlags = ~(ts.NodeFlags.HasAggregatedChildData | ts.NodeFlags.ThisNodeOrAnySubNodesHasError);

/** Whether two trees have the same nodes: kinds, operators, names and literal values, in the same shape. */
export function sameSyntax(a: ts.Node, b: ts.Node): boolean {
  // An explicit stack: generated code nests deeper than recursion may go.
  const left: ts.Node[] = [a];
  const right: ts.Node[] = [b];
  const childrenOf = (node: ts.Node): ts.Node[] => {
    const out: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      out.push(child);
    });
    return out;
  };
  while (left.length > 0) {
    const x = left.pop()!;
    const y = right.pop()!;
    if (x.kind !== y.kind || (x.flags & ownFlags) !== (y.flags & ownFlags) || valueOf(x) !== valueOf(y) || operatorOf(x) !== operatorOf(y)) return false;
    const xs = childrenOf(x);
    const ys = childrenOf(y);
    if (xs.length !== ys.length) return false;
    left.push(...xs);
    right.push(...ys);
  }
  return true;
}

/** The text a name, literal or JSX text node carries (a template's parts too); undefined for other nodes. */
function valueOf(node: ts.Node): string | undefined {
  return (node as { text?: unknown }).text as string | undefined;
}

function operatorOf(node: ts.Node): ts.SyntaxKind | undefined {
  return ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node) ? node.operator : undefined;
}
