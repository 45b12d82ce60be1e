/**
 * `source.fixAll.vigil`: every safe fix, in passes as ESLint does (apply the fixes that do not overlap,
 * analyse the result in memory, repeat), returned as one edit of the changed region so that
 * `editor.codeActionsOnSave` can apply it in one step.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../core/analyze';
import type { ResolvedConfig } from '../core/config';
import { applyEdits, combinableSafeFixes, dedupeEdits } from '../core/fix';
import type { AnalysisResult } from '../core/types';

const maxPasses = 10;

/** The text after every safe fix, starting from `first` (the cached analysis of `text`) when there is one. */
export function fixAllText(text: string, fileName: string, config: ResolvedConfig, first?: AnalysisResult): string {
  let current = text;
  let result = first ?? analyze({ text, fileName, config });
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = combinableSafeFixes(result.findings);
    if (fixes.length === 0) break;
    const next = applyEdits(current, dedupeEdits(fixes.flatMap((f) => f.edits)));
    if (next === current) break;
    current = next;
    result = analyze({ text: current, fileName, config });
  }
  return current;
}

/** One edit replacing only the region where `before` and `after` differ; undefined when they are equal. */
export function wholeDocumentEdit(document: TextDocument, after: string): TextEdit | undefined {
  const before = document.getText();
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Keep surrogate pairs whole: an edit boundary inside one would corrupt the character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
