/**
 * Splits a shell command line written as a template literal or a concatenation into a program and its
 * arguments, as `execFile` takes them: `\`convert ${src} -resize 50% '${dest}'\`` → `'convert'`,
 * `[src, '-resize', '50%', dest]`. Only plain command lines are split: pipes, redirections, `;`, `&&`,
 * substitutions, globs or escapes mean the command needs a shell (or a rewrite a person must make), and no
 * split is offered.
 */
import * as ts from 'typescript';
import { unwrap } from '../facts/syntax';

type Piece = { text: string } | { expr: ts.Expression };

export interface SplitCommand {
  /** The program, as a string literal. */
  file: string;
  /** Each argument's source text: a string literal, the interpolated expression, or a template for mixed words. */
  args: string[];
}

const shellSyntax = /[|&;<>()$`\\*?[\]{}~#!\n]/;

export function splitCommandLine(command: ts.Expression, sourceFile: ts.SourceFile): SplitCommand | undefined {
  const pieces = flatten(command);
  if (!pieces) return undefined;
  const words: Piece[][] = [];
  let word: Piece[] | undefined;
  let quote: string | undefined;
  const addText = (ch: string): void => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && 'text' in last) last.text += ch;
    else word.push({ text: ch });
  };
  for (const piece of pieces) {
    if ('expr' in piece) {
      (word ??= []).push(piece);
      continue;
    }
    for (const ch of piece.text) {
      if (quote) {
        if (ch === quote) quote = undefined;
        else if (quote === '"' && /[$`\\]/.test(ch)) return undefined;
        else addText(ch);
      } else if (ch === "'" || ch === '"') {
        quote = ch;
        word ??= [];
      } else if (/\s/.test(ch)) {
        if (word) words.push(word);
        word = undefined;
      } else if (shellSyntax.test(ch)) {
        return undefined;
      } else {
        addText(ch);
      }
    }
  }
  if (quote) return undefined;
  if (word) words.push(word);
  const [program, ...rest] = words;
  if (!program || program.length !== 1 || !('text' in program[0])) return undefined;
  return { file: stringLiteral(program[0].text), args: rest.map((w) => wordText(w, sourceFile)) };
}

function flatten(expr: ts.Expression): Piece[] | undefined {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return [{ text: e.text }];
  if (ts.isTemplateExpression(e)) {
    const out: Piece[] = [{ text: e.head.text }];
    for (const span of e.templateSpans) out.push({ expr: span.expression }, { text: span.literal.text });
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = flatten(e.left);
    const right = flatten(e.right);
    return left && right ? [...left, ...right] : undefined;
  }
  // A value of its own inside a concatenation; a whole command held elsewhere cannot be split.
  return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) ? [{ expr: e }] : undefined;
}

function wordText(word: Piece[], sourceFile: ts.SourceFile): string {
  if (word.length === 0) return "''";
  if (word.length === 1) {
    const only = word[0];
    return 'text' in only ? stringLiteral(only.text) : only.expr.getText(sourceFile);
  }
  const body = word.map((p) => ('text' in p ? p.text.replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${p.expr.getText(sourceFile)}}`)).join('');
  return `\`${body}\``;
}

function stringLiteral(text: string): string {
  return `'${text.replace(/[\\']/g, (m) => `\\${m}`)}'`;
}
