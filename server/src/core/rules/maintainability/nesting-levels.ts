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

/** The level `node` sits at (itself included) and the function whose body it is in. */
export function nestingOf(node: ts.Node): { depth: number; owner: NestingOwner } {
  let depth = 0;
  let n = node;
  while (!isNestingOwner(n)) {
    if (isNestingLevel(n)) depth++;
    n = n.parent;
  }
  return { depth, owner: n };
}

export function isLoop(node: ts.Node): node is ts.IterationStatement {
  return (
    ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)
  );
}
