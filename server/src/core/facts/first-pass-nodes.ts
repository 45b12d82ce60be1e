/**
 * The nodes the fact model's first pass reads (buildFacts): `require()` calls and the calls that may register a
 * route or mount something, import declarations, classes (NestJS controllers), `import x = require()`. Which nodes
 * those are is read from each unit's own text (a top-level statement, or a member of a top-level class), so it is a
 * text fact (text-facts.ts): after an edit, only the units the reparse made anew are looked through.
 */
import * as ts from 'typescript';
import type { TreeIndex } from '../traverse';
import type { FactKey } from './facts';
import { RouteCollector } from './routes';
import { isRequireCall } from './syntax';
import type { TextFacts } from './text-facts';

/** Written out, not made by `factKey`: facts.ts imports this module. */
const firstPassFact: FactKey<readonly ts.Node[]> = { name: 'first-pass-nodes' };

/** The nodes, in source order. */
export function firstPassNodes(sourceFile: ts.SourceFile, tree: TreeIndex, textFacts: TextFacts): ts.Node[] {
  const out: ts.Node[] = [];
  const nodes = tree.nodes;
  const addRun = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (isFirstPassNode(nodes[i])) out.push(nodes[i]);
  };
  const addUnit = (at: number): void => {
    out.push(...textFacts.of(firstPassFact, nodes[at], () => {
      const found: ts.Node[] = [];
      for (let i = at; i < tree.endOf(at); i++) if (isFirstPassNode(nodes[i])) found.push(nodes[i]);
      return found;
    }));
  };
  for (const statement of sourceFile.statements) {
    const at = tree.indexOf(statement);
    if (at === undefined) continue;
    const firstMember = ts.isClassDeclaration(statement) && statement.members.length > 0 ? tree.indexOf(statement.members[0]) : undefined;
    if (firstMember === undefined) {
      addUnit(at);
      continue;
    }
    // A class's own nodes (itself, its decorators, name and heritage), then each member's as a unit of its own.
    addRun(at, firstMember);
    for (let member = firstMember; member < tree.endOf(at); member = tree.endOf(member)) addUnit(member);
  }
  return out;
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
