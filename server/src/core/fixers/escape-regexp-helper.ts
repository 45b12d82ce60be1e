/**
 * Wraps an expression in a call to a local `escapeRegExp` helper and adds the helper at the end of the file
 * when the file has none, so that text is matched literally wherever it is compiled as a pattern.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import type { OffsetEdit } from '../rule';

const helperName = 'escapeRegExp';

function isTypeScript(fileName: string): boolean {
  return /\.[cm]?tsx?$/.test(fileName);
}

/** The helper's source: every character with a meaning in a pattern is escaped. */
function helperSource(name: string, fileName: string): string {
  const signature = isTypeScript(fileName) ? `${name}(text: unknown): string` : `${name}(text)`;
  return `function ${signature} {\n  return String(text).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');\n}\n`;
}

/** The name of a helper the file already declares at its top level, if it has one. */
function existingHelper(facts: Facts): string | undefined {
  for (const s of facts.sourceFile.statements) {
    if (ts.isFunctionDeclaration(s) && s.name?.text.startsWith(helperName)) return s.name.text;
  }
  return undefined;
}

/** Edits that escape each of `targets` with the helper, adding it once when missing. */
export function escapeWithHelperEdits(facts: Facts, fileName: string, targets: readonly ts.Expression[]): OffsetEdit[] {
  const sourceFile = facts.sourceFile;
  let name = existingHelper(facts);
  const edits: OffsetEdit[] = [];
  if (name === undefined) {
    name = helperName;
    for (let i = 2; facts.resolveName(name, sourceFile) !== undefined; i++) name = `${helperName}${i}`;
    const text = sourceFile.text;
    const end = text.length;
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: end, end, text: `${separator}${helperSource(name, fileName)}` });
  }
  for (const t of targets) {
    edits.push({ start: t.getStart(sourceFile), end: t.getStart(sourceFile), text: `${name}(` });
    edits.push({ start: t.getEnd(), end: t.getEnd(), text: ')' });
  }
  return edits.sort((a, b) => a.start - b.start);
}
