/**
 * The edit behind "Ignore <rule-id> on this line": a `// vigil-ignore-next-line <rule-id>` above the line, with
 * the line's indentation and the text's line ending, or the rule added to a bare directive already there (the
 * form suppression.ts reads).
 */
import type { TextEdit } from './types';

const ignoreDirective = 'vigil-ignore-next-line';
const bareDirective = new RegExp(`^[ \\t]*//\\s*${ignoreDirective}\\s+([a-z][a-z0-9-]*(?:\\s*,\\s*[a-z][a-z0-9-]*)*)\\s*$`);

/** The text of 0-based `line` without its line break ('' past the end). */
function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

export function ignoreEdit(text: string, ruleId: string, line: number): TextEdit {
  const indent = /^[ \t]*/.exec(lineText(text, line))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (line > 0) {
    const above = lineText(text, line - 1);
    const bare = bareDirective.exec(above);
    if (bare && !bare[1].split(/\s*,\s*/).includes(ruleId)) {
      const at = { line: line - 1, character: above.length };
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ${ignoreDirective} ${ruleId}${eol}` };
}
