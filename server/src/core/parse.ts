/** The one place that parses: TypeScript's parser, with parent pointers, script kind from the extension. */
import * as ts from 'typescript';

const kindByExtension: Readonly<Record<string, ts.ScriptKind>> = {
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
};

export const analysableExtensions: readonly string[] = Object.keys(kindByExtension);

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const dot = fileName.lastIndexOf('.');
  const ext = dot === -1 ? '' : fileName.slice(dot).toLowerCase();
  // Untitled buffers and unknown extensions: TSX accepts the most syntax (types and JSX).
  return kindByExtension[ext] ?? ts.ScriptKind.TSX;
}

export function parse(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
}

/** Syntax errors the parser recovered from. Not part of TypeScript's public typings, but present since 1.x. */
export function syntaxErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as ts.SourceFile & { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}
