/** The one place that parses: TypeScript's parser, with parent pointers, script kind from the extension. */
import * as ts from 'typescript';
import { type Dialect, dialectByExtension } from './source-dialects';

export { analysableExtensions } from './source-dialects';

const kindOfDialect: Readonly<Record<Dialect, ts.ScriptKind>> = {
  js: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
  ts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
};

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const dot = fileName.lastIndexOf('.');
  const ext = dot === -1 ? '' : fileName.slice(dot).toLowerCase();
  // Untitled buffers and unknown extensions: TSX accepts the most syntax (types and JSX).
  const dialect = dialectByExtension[ext];
  return dialect ? kindOfDialect[dialect] : ts.ScriptKind.TSX;
}

export function parse(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
}

/**
 * What TypeScript's parser, which reads everything as strict code, rejects but a sloppy-mode script runs:
 * legacy octal literals (`0777`), octal and `\8` escapes in strings, decimals with a leading zero (`08`).
 */
const strictOnlyDiagnostics = new Set([1121, 1487, 1488, 1489]);

/**
 * Syntax errors the parser recovered from (not part of TypeScript's public typings, but present since 1.x).
 * A `.js`/`.cjs` script (no `import`/`export`, no file-level `'use strict'`) runs in sloppy mode, where the
 * strict-only forms above are valid; in a template literal an octal escape is an error in any mode.
 */
export function syntaxErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  const all = (sourceFile as ts.SourceFile & { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (all.length === 0 || !isSloppyScript(sourceFile)) return all;
  return all.filter((d) => !strictOnlyDiagnostics.has(d.code) || isInTemplate(sourceFile, d.start));
}

function isSloppyScript(sourceFile: ts.SourceFile): boolean {
  const name = sourceFile.fileName.toLowerCase();
  if (!name.endsWith('.js') && !name.endsWith('.cjs')) return false;
  if ((sourceFile as ts.SourceFile & { externalModuleIndicator?: unknown }).externalModuleIndicator !== undefined) return false;
  for (const s of sourceFile.statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    if (s.expression.text === 'use strict') return false;
  }
  return true;
}

/** Whether the token at `pos` is part of a template literal. */
function isInTemplate(sourceFile: ts.SourceFile, pos: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const inner: ts.Node | undefined = node.getChildren(sourceFile).find((c) => c.getStart(sourceFile) <= pos && pos < c.getEnd());
    if (!inner) return false;
    if (ts.isTemplateLiteralToken(inner)) return true;
    node = inner;
  }
}
