/** Removes one property from an object literal with the comma that separated it, keeping the layout. */
import * as ts from 'typescript';
import type { OffsetEdit } from '../rule';

export function removePropertyEdit(sourceFile: ts.SourceFile, obj: ts.ObjectLiteralExpression, property: ts.ObjectLiteralElementLike): OffsetEdit {
  const props = obj.properties;
  const index = props.indexOf(property);
  const text = sourceFile.text;
  if (props.length === 1) return { start: obj.getStart(sourceFile), end: obj.getEnd(), text: '{}' };
  if (index < props.length - 1) {
    // From the property's start to the next one's: its text, its comma and the space or line break after it.
    return { start: property.getStart(sourceFile), end: props[index + 1].getStart(sourceFile), text: '' };
  }
  // The last property: from the end of the one before it, so that comma goes and a trailing comma stays.
  const start = props[index - 1].getEnd();
  const end = props.hasTrailingComma ? text.indexOf(',', property.getEnd()) : property.getEnd();
  return { start, end, text: '' };
}
