/**
 * Turns nesting into guard clauses: `if (c) { body }`, when it is the last statement of a function body (or of a
 * loop body), does exactly what `if (!c) return; body` (or `continue;`) does, so the `if` can be inverted and its
 * body lifted one level. Repeated along the path to the deepest point, as long as each step keeps behaviour.
 */
import * as ts from 'typescript';
import type { OffsetEdit } from '../../rule';
import { lineIndent } from '../../facts/syntax';
import { isLoop, NestingOwner } from './nesting-levels';
import { preorder } from '../../traverse';

interface Inversion {
  statement: ts.IfStatement;
  block: ts.Block;
  exit: 'return' | 'continue';
}

/** `!c`, written as a reader would: `a !== b` rather than `!(a === b)`, `x` rather than `!!x`. */
export function negatedCondition(expr: ts.Expression, sourceFile: ts.SourceFile): string {
  const text = sourceFile.text;
  const source = (n: ts.Node): string => text.slice(n.getStart(sourceFile), n.end);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = ts.isParenthesizedExpression(expr.operand) ? expr.operand.expression : expr.operand;
    return source(operand);
  }
  if (ts.isBinaryExpression(expr)) {
    const swapped: Partial<Record<ts.SyntaxKind, string>> = {
      [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
      [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
      [ts.SyntaxKind.EqualsEqualsToken]: '!=',
      [ts.SyntaxKind.ExclamationEqualsToken]: '==',
    };
    const op = swapped[expr.operatorToken.kind];
    if (op) return `${text.slice(expr.getStart(sourceFile), expr.operatorToken.getStart(sourceFile))}${op}${text.slice(expr.operatorToken.end, expr.end)}`;
  }
  const plain =
    ts.isIdentifier(expr) ||
    ts.isPropertyAccessExpression(expr) ||
    ts.isElementAccessExpression(expr) ||
    ts.isCallExpression(expr) ||
    ts.isParenthesizedExpression(expr) ||
    expr.kind === ts.SyntaxKind.ThisKeyword;
  return plain ? `!${source(expr)}` : `!(${source(expr)})`;
}

function lineStart(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && text[p - 1] !== '\n') p--;
  return p;
}

/** Braces on their own lines (`if (c) {⏎ … ⏎}`), nothing but the condition before `{`: the shape the edits handle. */
function hasPlainShape(statement: ts.IfStatement, block: ts.Block, sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  const open = block.getStart(sourceFile);
  const close = block.end - 1;
  if (block.statements.length === 0) return false;
  if (!/^\s*\)\s*$/.test(text.slice(statement.expression.end, open))) return false;
  if (!/^[ \t]*\r?\n/.test(text.slice(open + 1))) return false;
  return /^[ \t]*$/.test(text.slice(lineStart(text, close), close));
}

/** A multi-line template literal would change if its lines were dedented. */
function hasMultilineTemplate(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  let found = false;
  preorder(node, (n) => {
    if (found) return false;
    if ((ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n)) && sourceFile.text.slice(n.getStart(sourceFile), n.end).includes('\n')) found = true;
    return !found;
  });
  return found;
}

/**
 * Lifting the block's statements into the enclosing block must not change what a name refers to: no function
 * declarations (hoisting), and no `let`/`const`/`class` name that the rest of the enclosing block also uses.
 */
function liftsCleanly(block: ts.Block, scope: ts.Node, sourceFile: ts.SourceFile): boolean {
  const names: string[] = [];
  for (const s of block.statements) {
    if (ts.isFunctionDeclaration(s)) return false;
    if (ts.isClassDeclaration(s) && s.name) names.push(s.name.text);
    if (ts.isVariableStatement(s) && s.declarationList.flags & ts.NodeFlags.BlockScoped) {
      for (const d of s.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) return false;
        names.push(d.name.text);
      }
    }
  }
  if (names.length === 0) return true;
  const text = sourceFile.text;
  const outside = text.slice(scope.getStart(sourceFile), block.getStart(sourceFile)) + '\n' + text.slice(block.end, scope.end);
  return !names.some((name) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(outside));
}

/** The guard-clause inversions along the path from `owner` to `deepest`, outermost first. */
function inversionsTowards(owner: NestingOwner, deepest: ts.Node, sourceFile: ts.SourceFile): Inversion[] {
  const path: ts.Node[] = [];
  for (let n: ts.Node = deepest; n !== owner; n = n.parent) path.unshift(n);
  let list: ts.Node;
  let exit: Inversion['exit'] | undefined;
  if (ts.isSourceFile(owner)) list = owner;
  else if (!ts.isClassStaticBlockDeclaration(owner) && owner.body && ts.isBlock(owner.body)) {
    list = owner.body;
    exit = 'return';
  } else return [];
  let scope = list;
  const inversions: Inversion[] = [];
  for (;;) {
    const statement = path.find((n) => n.parent === list);
    if (!statement) break;
    const statements = (list as ts.Block | ts.SourceFile).statements;
    if (ts.isIfStatement(statement)) {
      const block = statement.thenStatement;
      if (exit === undefined || statement.elseStatement || !ts.isBlock(block)) break;
      if (statements[statements.length - 1] !== statement || !hasPlainShape(statement, block, sourceFile)) break;
      if (!liftsCleanly(block, scope, sourceFile)) break;
      inversions.push({ statement, block, exit });
      list = block;
    } else if (isLoop(statement) && ts.isBlock(statement.statement)) {
      list = scope = statement.statement;
      exit = 'continue';
    } else break;
  }
  return inversions;
}

/**
 * The edits that invert the ifs along the path to `deepest`, or undefined when they cannot bring every level
 * beyond `maxDepth` in this function back within it (a fix that leaves the finding in place is no fix).
 */
export function guardClauseEdits(
  owner: NestingOwner,
  deepest: ts.Node,
  tooDeep: readonly { node: ts.Node; depth: number }[],
  maxDepth: number,
  sourceFile: ts.SourceFile,
): OffsetEdit[] | undefined {
  const inversions = inversionsTowards(owner, deepest, sourceFile);
  if (inversions.length === 0) return undefined;
  const lifted = (node: ts.Node): number => inversions.filter((i) => i.block.pos <= node.pos && node.end <= i.block.end).length;
  if (tooDeep.some((d) => d.depth - lifted(d.node) > maxDepth)) return undefined;
  if (hasMultilineTemplate(inversions[0].block, sourceFile)) return undefined;

  const text = sourceFile.text;
  const edits: OffsetEdit[] = [];
  const dedents = new Map<number, number>();
  const removedLines = new Set<number>();
  let unit: string | undefined;
  for (const { statement, block, exit } of inversions) {
    const outer = lineIndent(sourceFile, statement.getStart(sourceFile));
    const inner = lineIndent(sourceFile, block.statements[0].getStart(sourceFile));
    const step = inner.startsWith(outer) ? inner.slice(outer.length) : '';
    if (step === '' || (unit !== undefined && step !== unit)) return undefined;
    unit = step;
    const open = block.getStart(sourceFile);
    const close = block.end - 1;
    edits.push({ start: statement.getStart(sourceFile), end: open + 1, text: `if (${negatedCondition(statement.expression, sourceFile)}) ${exit};` });
    const closeLine = lineStart(text, close);
    const removeFrom = text[closeLine - 2] === '\r' ? closeLine - 2 : closeLine - 1;
    edits.push({ start: removeFrom, end: block.end, text: '' });
    removedLines.add(closeLine);
    for (let line = text.indexOf('\n', open) + 1; line < closeLine; line = text.indexOf('\n', line) + 1) {
      dedents.set(line, (dedents.get(line) ?? 0) + 1);
    }
  }
  for (const [line, levels] of dedents) {
    if (removedLines.has(line)) continue;
    let end = line;
    for (let i = 0; i < levels && text.startsWith(unit!, end); i++) end += unit!.length;
    if (end > line) edits.push({ start: line, end, text: '' });
  }
  return edits;
}
