/**
 * When a finding counts for a case. A finding of the case's family (a rule id, or an ESLint rule mapped to the
 * class) counts when it is in one of the files that held the fault and either on a line the fix changed, or inside
 * a function the fix changed: the innermost function, method, accessor or arrow that encloses a changed line.
 * Published fixes often add a guard above the sink rather than rewrite the sink's line (a `__proto__` check before
 * the assignment, a resolve-and-compare before the read), and a reviewer who flagged the sink in that function
 * found the fault. A change outside every function (a module-level line) counts on its own line only.
 */
import * as ts from 'typescript';
import { parse } from '../../server/src/core/parse';

/** 1-based, inclusive line ranges. */
export interface LineRange {
  start: number;
  end: number;
}

/** The ranges a finding may fall in to count: each changed line, and the innermost function around it. */
export function matchRanges(text: string, fileName: string, changed: readonly number[]): LineRange[] {
  const sourceFile = parse(text, fileName);
  const functions: LineRange[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      functions.push({
        start: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
        end: sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return changed.map((line) => {
    const around = functions.filter((f) => f.start <= line && line <= f.end);
    if (around.length === 0) return { start: line, end: line };
    // The innermost is the one that starts last (functions nest, they do not overlap).
    return around.reduce((inner, f) => (f.start >= inner.start && f.end <= inner.end ? f : inner));
  });
}

export function inRanges(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some((r) => r.start <= line && line <= r.end);
}
