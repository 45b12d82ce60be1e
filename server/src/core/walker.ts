/**
 * One walk of the tree. Rules subscribe to node kinds; each node is dispatched once to the rules that asked
 * for it, so the cost grows with the file, not with file × rules (the ESLint / oxc model).
 */
import * as ts from 'typescript';

/** The node kinds rules may subscribe to, by name, with their node types. */
interface NodeTypes {
  CallExpression: ts.CallExpression;
  NewExpression: ts.NewExpression;
  BinaryExpression: ts.BinaryExpression;
  PropertyAccessExpression: ts.PropertyAccessExpression;
  ElementAccessExpression: ts.ElementAccessExpression;
  TemplateExpression: ts.TemplateExpression;
  TaggedTemplateExpression: ts.TaggedTemplateExpression;
  StringLiteral: ts.StringLiteral;
  NoSubstitutionTemplateLiteral: ts.NoSubstitutionTemplateLiteral;
  PropertyAssignment: ts.PropertyAssignment;
  VariableDeclaration: ts.VariableDeclaration;
  FunctionDeclaration: ts.FunctionDeclaration;
  FunctionExpression: ts.FunctionExpression;
  ArrowFunction: ts.ArrowFunction;
  MethodDeclaration: ts.MethodDeclaration;
  ClassDeclaration: ts.ClassDeclaration;
  IfStatement: ts.IfStatement;
  ForStatement: ts.ForStatement;
  ForOfStatement: ts.ForOfStatement;
  ForInStatement: ts.ForInStatement;
  WhileStatement: ts.WhileStatement;
  DoStatement: ts.DoStatement;
  TryStatement: ts.TryStatement;
  CatchClause: ts.CatchClause;
  ReturnStatement: ts.ReturnStatement;
  ExpressionStatement: ts.ExpressionStatement;
  AwaitExpression: ts.AwaitExpression;
  Decorator: ts.Decorator;
  Identifier: ts.Identifier;
  Block: ts.Block;
}

export type NodeKindName = keyof NodeTypes;

export type NodeListeners = {
  [K in NodeKindName]?: (node: NodeTypes[K]) => void;
} & {
  /** Called after the walk, for rules that report on what they gathered. */
  end?: () => void;
};

export interface Subscriber {
  listeners: NodeListeners;
  /** Called with the error when a listener throws; the walker stops calling that subscriber. */
  onError(error: unknown): void;
}

type Handler = (node: ts.Node) => void;

const kindByName: Readonly<Record<NodeKindName, ts.SyntaxKind>> = {
  CallExpression: ts.SyntaxKind.CallExpression,
  NewExpression: ts.SyntaxKind.NewExpression,
  BinaryExpression: ts.SyntaxKind.BinaryExpression,
  PropertyAccessExpression: ts.SyntaxKind.PropertyAccessExpression,
  ElementAccessExpression: ts.SyntaxKind.ElementAccessExpression,
  TemplateExpression: ts.SyntaxKind.TemplateExpression,
  TaggedTemplateExpression: ts.SyntaxKind.TaggedTemplateExpression,
  StringLiteral: ts.SyntaxKind.StringLiteral,
  NoSubstitutionTemplateLiteral: ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  PropertyAssignment: ts.SyntaxKind.PropertyAssignment,
  VariableDeclaration: ts.SyntaxKind.VariableDeclaration,
  FunctionDeclaration: ts.SyntaxKind.FunctionDeclaration,
  FunctionExpression: ts.SyntaxKind.FunctionExpression,
  ArrowFunction: ts.SyntaxKind.ArrowFunction,
  MethodDeclaration: ts.SyntaxKind.MethodDeclaration,
  ClassDeclaration: ts.SyntaxKind.ClassDeclaration,
  IfStatement: ts.SyntaxKind.IfStatement,
  ForStatement: ts.SyntaxKind.ForStatement,
  ForOfStatement: ts.SyntaxKind.ForOfStatement,
  ForInStatement: ts.SyntaxKind.ForInStatement,
  WhileStatement: ts.SyntaxKind.WhileStatement,
  DoStatement: ts.SyntaxKind.DoStatement,
  TryStatement: ts.SyntaxKind.TryStatement,
  CatchClause: ts.SyntaxKind.CatchClause,
  ReturnStatement: ts.SyntaxKind.ReturnStatement,
  ExpressionStatement: ts.SyntaxKind.ExpressionStatement,
  AwaitExpression: ts.SyntaxKind.AwaitExpression,
  Decorator: ts.SyntaxKind.Decorator,
  Identifier: ts.SyntaxKind.Identifier,
  Block: ts.SyntaxKind.Block,
};

/** How many nodes are dispatched between two looks at the clock. */
const nodesPerClockCheck = 64;

/** What the walk asks between nodes: whether the analysis has spent its time (time-budget.ts). */
export interface Budget {
  exceeded(): boolean;
}

const unlimited: Budget = { exceeded: () => false };

/** Nodes in source order, and (a TreeIndex's) their kinds, read without loading each node. */
export interface WalkedNodes {
  readonly nodes: readonly ts.Node[];
  readonly kinds?: ArrayLike<number>;
}

/** A run of `nodes` to dispatch, `[from, to)`, and what to do before its first node (incremental analysis's units). */
export interface WalkSpan {
  from: number;
  to: number;
  enter?: () => void;
}

/**
 * Dispatches `tree.nodes` (the tree in source order, see traverse.ts), or only the `spans` of them, to the subscribers
 * that asked for their kinds. Once `budget` is spent the walk stops where it is and the remaining `end` listeners
 * are not called: the findings reported so far stand. Returns whether the walk finished.
 */
export function walk(
  tree: WalkedNodes,
  subscribers: readonly Subscriber[],
  budget: Budget = unlimited,
  spans: readonly WalkSpan[] = [{ from: 0, to: tree.nodes.length }],
): boolean {
  const { nodes, kinds } = tree;
  // Indexed by SyntaxKind: an array lookup per node is the whole cost for the kinds nobody asked for.
  const byKind: { subscriber: Subscriber; handler: Handler }[][] = [];
  const failed = new Set<Subscriber>();
  for (const subscriber of subscribers) {
    for (const name of Object.keys(subscriber.listeners) as (NodeKindName | 'end')[]) {
      if (name === 'end') continue;
      const handler = subscriber.listeners[name] as Handler | undefined;
      if (!handler) continue;
      (byKind[kindByName[name]] ??= []).push({ subscriber, handler });
    }
  }

  if (byKind.length > 0) {
    // The budget is asked before the first node, then every `nodesPerClockCheck` nodes.
    let sinceClock = nodesPerClockCheck - 1;
    for (const span of spans) {
      span.enter?.();
      for (let i = span.from; i < span.to; i++) {
        if (++sinceClock === nodesPerClockCheck) {
          sinceClock = 0;
          if (budget.exceeded()) return false;
        }
        const list = byKind[kinds ? kinds[i] : nodes[i].kind];
        if (list === undefined) continue;
        const node = nodes[i];
        for (const { subscriber, handler } of list) {
          if (failed.has(subscriber)) continue;
          try {
            handler(node);
          } catch (error) {
            failed.add(subscriber);
            subscriber.onError(error);
          }
        }
      }
    }
  }

  for (const subscriber of subscribers) {
    if (budget.exceeded()) return false;
    if (failed.has(subscriber) || !subscriber.listeners.end) continue;
    try {
      subscriber.listeners.end();
    } catch (error) {
      failed.add(subscriber);
      subscriber.onError(error);
    }
  }
  return true;
}
