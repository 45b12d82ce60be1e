/**
 * Values put into an array or an object after its declaration: `parts.push(v)`, `query.email = v`,
 * `list[i] = v`. A `const` array of literals is not constant once something is pushed into it, and what is
 * pushed flows out of it (`parts.join(' ')`).
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex } from './scopes';
import { TreeIndex } from '../traverse';

/** Array methods that add their arguments as elements. */
const arrayAdders = new Set(['push', 'unshift', 'splice', 'fill']);

interface Mutation {
  target: ts.Identifier;
  value: ts.Expression;
}

export class MutationIndex {
  private byName: Map<string, Mutation[]> | undefined;

  constructor(
    private readonly scopes: ScopeIndex,
    private readonly tree: TreeIndex,
  ) {}

  /** The values the file puts into the array or object `decl` names, in source order. */
  valuesPutInto(decl: Declaration): ts.Expression[] {
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return [];
    this.byName ??= collect(this.tree.nodes);
    const writes = this.byName.get(decl.name.text);
    return writes ? writes.filter((w) => this.scopes.resolve(w.target) === decl).map((w) => w.value) : [];
  }
}

function collect(nodes: readonly ts.Node[]): Map<string, Mutation[]> {
  const out = new Map<string, Mutation[]>();
  const add = (target: ts.Identifier, value: ts.Expression): void => {
    let list = out.get(target.text);
    if (!list) out.set(target.text, (list = []));
    list.push({ target, value });
  };
  for (const n of nodes) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && arrayAdders.has(n.expression.name.text)) {
      const method = n.expression.name.text;
      // `splice(start, count, …items)` and `fill(value, start, end)`: only the items are values.
      const values = method === 'splice' ? n.arguments.slice(2) : method === 'fill' ? n.arguments.slice(0, 1) : n.arguments;
      for (const v of values) add(n.expression.expression, ts.isSpreadElement(v) ? v.expression : v);
    } else if (
      ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left)) && ts.isIdentifier(n.left.expression)
    ) {
      add(n.left.expression, n.right);
    }
  }
  return out;
}
