/**
 * The nodes the fact model's first pass reads (buildFacts): `require()` calls and the calls that may register a
 * route or mount something, import declarations, classes (NestJS controllers), `import x = require()`. Which nodes
 * those are is read from each node's own syntax, so after an edit only the units the reparse made anew are looked
 * through (node-collections.ts).
 */
import * as ts from 'typescript';
import type { FactKey } from './facts';
import type { NodeCollections } from './node-collections';
import { RouteCollector } from './routes';
import { isRequireCall } from './syntax';

/** Written out, not made by `factKey`: facts.ts imports this module. */
const firstPassFact: FactKey<readonly ts.Node[]> = { name: 'first-pass-nodes' };

/** The nodes, in source order. */
export function firstPassNodes(collections: NodeCollections): ts.Node[] {
  return collections.of(firstPassFact, (node, out) => {
    if (isFirstPassNode(node)) out.push(node);
  });
}

function isFirstPassNode(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.CallExpression:
      return isRequireCall(node) || RouteCollector.mayRegister(node as ts.CallExpression);
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ImportEqualsDeclaration:
      return true;
    default:
      return false;
  }
}
