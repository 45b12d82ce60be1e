/**
 * How deep control flow is nested, counted as ESLint's `max-depth` does: `if`, loops, `switch` and `try` add a
 * level; an `else if` continues its chain instead of nesting; a function (or the file) starts again at zero.
 */
import * as ts from 'typescript';
import { isFunctionLike } from '../../facts/syntax';

const levelKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.TryStatement,
]);

export type NestingOwner = ts.FunctionLikeDeclaration | ts.SourceFile | ts.ClassStaticBlockDeclaration;

export function isNestingLevel(node: ts.Node): boolean {
  if (!levelKinds.has(node.kind)) return false;
  return !(ts.isIfStatement(node) && ts.isIfStatement(node.parent) && node.parent.elseStatement === node);
}

export function isNestingOwner(node: ts.Node): node is NestingOwner {
  return isFunctionLike(node) || ts.isSourceFile(node) || ts.isClassStaticBlockDeclaration(node);
}

export interface Nesting {
  depth: number;
  owner: NestingOwner;
}

/**
 * The level `node` sits at (itself included) and the function whose body it is in. `known` holds the answers
 * for nodes asked before: the climb stops at the first of them, so asking for every statement of a chain nested
 * thousands deep costs a step each, not the whole climb each.
 */
export function nestingOf(node: ts.Node, known: Map<ts.Node, Nesting> = new Map()): Nesting {
  const passed: ts.Node[] = [];
  let n = node;
  let above: Nesting | undefined;
  while (!isNestingOwner(n)) {
    above = known.get(n);
    if (above) break;
    passed.push(n);
    n = n.parent;
  }
  let result: Nesting = above ?? { depth: 0, owner: n as NestingOwner };
  for (let i = passed.length - 1; i >= 0; i--) {
    if (isNestingLevel(passed[i])) result = { depth: result.depth + 1, owner: result.owner };
    known.set(passed[i], result);
  }
  return result;
}

export function isLoop(node: ts.Node): node is ts.IterationStatement {
  return (
    ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)
  );
}
