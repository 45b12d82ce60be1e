import * as ts from 'typescript';
import type { OffsetFix, Rule, Span } from '../../rule';
import { describeFunction } from './function-names';
import { guardClauseEdits } from './guard-clauses';
import { Nesting, nestingOf, NestingOwner } from './nesting-levels';

/** The keyword a control statement starts with, to underline rather than the whole block. */
const keywordLength: Partial<Record<ts.SyntaxKind, number>> = {
  [ts.SyntaxKind.IfStatement]: 2,
  [ts.SyntaxKind.ForStatement]: 3,
  [ts.SyntaxKind.ForOfStatement]: 3,
  [ts.SyntaxKind.ForInStatement]: 3,
  [ts.SyntaxKind.WhileStatement]: 5,
  [ts.SyntaxKind.DoStatement]: 2,
  [ts.SyntaxKind.TryStatement]: 3,
};

interface TooDeep {
  node: ts.Node;
  depth: number;
}

export const deepNesting: Rule = {
  meta: {
    id: 'deep-nesting',
    category: 'maintainability',
    defaultSeverity: 'info',
    title: 'Control flow nested too deeply',
    description:
      'Every level of nesting is one more condition a reader must hold in mind, and the place where the next change goes wrong. Return early with guard clauses, or move the inner block into a function of its own.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['ESLint max-depth', 'SonarJS S134'],
    options: {
      maxDepth: { type: 'integer', default: 4, minimum: 1, description: 'the deepest nesting allowed in one function' },
    },
  },
  create(context) {
    const { sourceFile } = context;
    const maxDepth = context.options.maxDepth;
    const byOwner = new Map<NestingOwner, TooDeep[]>();
    const nesting = new Map<ts.Node, Nesting>();
    const visit = (node: ts.Node): void => {
      const { depth, owner } = nestingOf(node, nesting);
      if (depth <= maxDepth) return;
      let list = byOwner.get(owner);
      if (!list) byOwner.set(owner, (list = []));
      list.push({ node, depth });
    };
    return {
      IfStatement: visit,
      ForStatement: visit,
      ForOfStatement: visit,
      ForInStatement: visit,
      WhileStatement: visit,
      DoStatement: visit,
      TryStatement: visit,
      end() {
        for (const [owner, tooDeep] of byOwner) {
          const deepest = tooDeep.reduce((a, b) => (b.depth > a.depth ? b : a));
          const start = deepest.node.getStart(sourceFile);
          const at: Span = { start, end: start + (keywordLength[deepest.node.kind] ?? 1) };
          const edits = guardClauseEdits(owner, deepest.node, tooDeep, maxDepth, sourceFile);
          const fixes: OffsetFix[] = edits ? [{ title: 'Return early with guard clauses', safe: false, edits }] : [];
          context.report({
            at,
            message: `${describeFunction(owner)} nests control flow ${deepest.depth} levels deep here (more than ${maxDepth}): each level is one more condition to hold in mind when reading or changing it. Return early with guard clauses, or move the inner block into a function of its own.`,
            fixes,
          });
        }
      },
    };
  },
};
