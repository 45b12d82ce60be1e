/** Adds a property to an object literal, or a new options argument to a call, keeping the code's layout. */
import * as ts from 'typescript';
import type { OffsetEdit } from '../rule';

/** `{ a: 1 }` → `{ a: 1, key: value }`; multi-line literals get the property on its own line. */
export function addPropertyEdit(sourceFile: ts.SourceFile, obj: ts.ObjectLiteralExpression, property: string): OffsetEdit {
  const props = obj.properties;
  if (props.length === 0) {
    const start = obj.getStart(sourceFile);
    return { start, end: obj.getEnd(), text: `{ ${property} }` };
  }
  const last = props[props.length - 1];
  const text = sourceFile.text;
  const multiline = text.slice(obj.getStart(sourceFile), last.getStart(sourceFile)).includes('\n');
  if (multiline) {
    let lineStart = last.getStart(sourceFile);
    while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const hasTrailingComma = props.hasTrailingComma;
    const at = hasTrailingComma ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd();
    return { start: at, end: at, text: `${hasTrailingComma ? '' : ','}\n${indent}${property}${hasTrailingComma ? ',' : ''}` };
  }
  const at = props.hasTrailingComma ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd();
  return { start: at, end: at, text: props.hasTrailingComma ? ` ${property},` : `, ${property}` };
}

/** Inserts `text` as a new argument at `index` of a call (before a trailing callback, say). */
export function insertArgumentEdit(call: ts.CallExpression | ts.NewExpression, index: number, text: string): OffsetEdit {
  const args = call.arguments ?? ts.factory.createNodeArray();
  if (index < args.length) {
    const at = args[index].getFullStart();
    const leading = call.getSourceFile().text.slice(at, args[index].getStart());
    return { start: at, end: at, text: `${leading.length > 0 ? leading : ' '}${text},` };
  }
  if (args.length === 0) {
    const open = call.getSourceFile().text.indexOf('(', call.expression.getEnd());
    return { start: open + 1, end: open + 1, text };
  }
  const last = args[args.length - 1];
  return { start: last.getEnd(), end: last.getEnd(), text: `, ${text}` };
}
