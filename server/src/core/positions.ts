/** Offsets ↔ LSP positions, through the tree's own line map. */
import type * as ts from 'typescript';
import type { Range } from './types';

export function rangeOf(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const s = sourceFile.getLineAndCharacterOfPosition(start);
  const e = sourceFile.getLineAndCharacterOfPosition(end);
  return { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } };
}
