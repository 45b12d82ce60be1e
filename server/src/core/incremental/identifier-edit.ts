/**
 * Whether an edit only changed the characters of one identifier, which stays a plain identifier (no keyword,
 * contextual or not, before or after): a name being typed. The tokens of the text are then the same but that one
 * name, so what is read from the tokens alone without the names that matter to it (the imports TypeScript's
 * pre-processor finds: `import`, `export`, `require`, `from`, `module`…) is what it was.
 */
import * as ts from 'typescript';
import type { TextChange } from './plan';

/** `change`: from the text analysed before to `sourceFile`'s. */
export function onlyAnIdentifier(change: TextChange, sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  const previousText = change.before;
  const region = change.region;
  if (!region) return true;
  let start = region.start;
  while (start > 0 && isIdentifierPart(text.charCodeAt(start - 1))) start--;
  let end = region.newEnd;
  while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
  const delta = region.newEnd - region.oldEnd;
  const before = previousText.slice(start, end - delta);
  const after = text.slice(start, end);
  if (!isPlainIdentifier(before) || !isPlainIdentifier(after)) return false;
  // The parser read it as a name, not as part of a string, comment, template or regular expression.
  const node = tokenAt(sourceFile, start);
  return node !== undefined && ts.isIdentifier(node) && node.getStart(sourceFile) === start && node.end === end;
}

function tokenAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(node, (c) => (c.pos <= offset && offset < c.end ? c : undefined));
    if (!child) return node === sourceFile ? undefined : node;
    node = child;
  }
}

const scanner = ts.createScanner(ts.ScriptTarget.Latest, true);

/** ASCII letters, digits, `_` and `$`, not starting with a digit, and no keyword. */
function isPlainIdentifier(name: string): boolean {
  if (name.length === 0 || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return false;
  scanner.setText(name);
  return scanner.scan() === ts.SyntaxKind.Identifier && scanner.getTokenEnd() === name.length;
}

function isIdentifierPart(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95;
}
