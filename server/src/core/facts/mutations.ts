/**
 * Values put into an array or an object after its declaration: `parts.push(v)`, `query.email = v`,
 * `list[i] = v`. A `const` array of literals is not constant once something is pushed into it, and what is
 * pushed flows out of it (`parts.join(' ')`).
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex } from './scopes';
import type { FactKey } from './facts';
import { type NodeCollections, byName } from './node-collections';

/** Array methods that add their arguments as elements. */
const arrayAdders = new Set(['push', 'unshift', 'splice', 'fill']);

interface Mutation {
  target: ts.Identifier;
  value: ts.Expression;
}

/** Written out, not made by `factKey`: facts.ts imports this module. */
const mutationsFact: FactKey<readonly Mutation[]> = { name: 'mutations' };

export class MutationIndex {
  private byName: Map<string, Mutation[]> | undefined;

  constructor(
    private readonly scopes: ScopeIndex,
    private readonly collections: NodeCollections,
  ) {}

  /** The values the file puts into the array or object `decl` names, in source order. */
  valuesPutInto(decl: Declaration): ts.Expression[] {
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return [];
    this.byName ??= byName(this.collections.of(mutationsFact, gatherMutation), (m) => m.target.text);
    const writes = this.byName.get(decl.name.text);
    return writes ? writes.filter((w) => this.scopes.resolve(w.target) === decl).map((w) => w.value) : [];
  }
}

function gatherMutation(n: ts.Node, out: Mutation[]): void {
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && arrayAdders.has(n.expression.name.text)) {
    const method = n.expression.name.text;
    // `splice(start, count, …items)` and `fill(value, start, end)`: only the items are values.
    const values = method === 'splice' ? n.arguments.slice(2) : method === 'fill' ? n.arguments.slice(0, 1) : n.arguments;
    for (const v of values) out.push({ target: n.expression.expression, value: ts.isSpreadElement(v) ? v.expression : v });
  } else if (
    ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left)) && ts.isIdentifier(n.left.expression)
  ) {
    out.push({ target: n.left.expression, value: n.right });
  }
}
