/**
 * The nodes the fact model's first pass reads (buildFacts): `require()` calls and the calls that may register a
 * route or mount something, import declarations, classes (NestJS controllers), `import x = require()`. Which nodes
 * those are is read from each unit's own text (incremental/units.ts), so it is a text fact (text-facts.ts): after an
 * edit, only the units the reparse made anew are looked through.
 */
import * as ts from 'typescript';
import type { TreeIndex } from '../traverse';
import type { Unit } from '../incremental/units';
import type { FactKey } from './facts';
import { RouteCollector } from './routes';
import { isRequireCall } from './syntax';
import type { TextFacts } from './text-facts';

/** Written out, not made by `factKey`: facts.ts imports this module. */
const firstPassFact: FactKey<readonly ts.Node[]> = { name: 'first-pass-nodes' };

/** The nodes, in source order: the units partition the tree's nodes but for the file's own and its end token. */
export function firstPassNodes(units: readonly Unit[], tree: TreeIndex, textFacts: TextFacts): ts.Node[] {
  const out: ts.Node[] = [];
  for (const unit of units) {
    // A class head's own nodes are few, and its node is made anew whenever one of its members is.
    const found = unit.isHead ? nodesIn(tree, unit.from, unit.to) : textFacts.of(firstPassFact, unit.node, () => nodesIn(tree, unit.from, unit.to));
    for (const node of found) out.push(node);
  }
  return out;
}

function nodesIn(tree: TreeIndex, from: number, to: number): ts.Node[] {
  const found: ts.Node[] = [];
  for (let i = from; i < to; i++) if (isFirstPassNode(tree.nodes[i])) found.push(tree.nodes[i]);
  return found;
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
