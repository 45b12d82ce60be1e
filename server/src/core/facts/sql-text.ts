/**
 * The SQL text a query call runs, as written: literal pieces and the expressions interpolated between them,
 * followed through a `const` or `let` built on earlier lines, composed fragments, and helpers in the same file
 * that return SQL. And what SQL says about a hole: inside a quoted literal, in a value position (after `=`,
 * `LIKE`, `IN (`, `LIMIT`…), or where a name goes (`FROM ${table}`, `ORDER BY ${column}`).
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { returnedExpressions } from './request-data';
import { isConstDeclaration, unwrap } from './syntax';
import { preorderBelow } from '../traverse';

export interface SqlLiteralPiece {
  /** The text as the program sees it. */
  text: string;
  /** The source text between template delimiters, when the piece is part of a template literal. */
  raw?: string;
}

export interface SqlHole {
  expr: ts.Expression;
}

export type SqlPiece = SqlLiteralPiece | SqlHole;

export interface SqlText {
  /** The expression the text is written as: a template, a string, or a `+` concatenation. */
  written: ts.Expression;
  pieces: SqlPiece[];
  /** How the text reaches the query call: as its argument, through a `const` on an earlier line, or otherwise. */
  via: 'argument' | 'const' | 'other';
  /** The `const` declaration, when `via` is "const". */
  declaration?: ts.VariableDeclaration;
}

export type HolePosition = 'quoted' | 'value' | 'name';

export function isHole(piece: SqlPiece): piece is SqlHole {
  return 'expr' in piece;
}

/**
 * Every SQL text `expr` is built from. Empty when the text is not visible here (a parameter, a call to
 * another module): the caller decides what an opaque argument means.
 */
export function sqlTextsOf(expr: ts.Expression, facts: Facts): SqlText[] {
  const out: SqlText[] = [];
  collect(expr, facts, 'argument', undefined, out, 0);
  return out;
}

function collect(expr: ts.Expression, facts: Facts, via: SqlText['via'], declaration: ts.VariableDeclaration | undefined, out: SqlText[], depth: number): void {
  if (depth > 6) return;
  const e = unwrap(expr);
  if (isWrittenText(e)) {
    const pieces: SqlPiece[] = [];
    flatten(e, facts.sourceFile, pieces);
    // A hole that is itself a fragment built in this file (`const where = \`WHERE id = ${id}\``) is read as its own text.
    const kept: SqlPiece[] = pieces.map((p) => {
      if (!isHole(p)) return p;
      const fragment = fragmentValue(p.expr, facts);
      if (!fragment) return p;
      collect(fragment, facts, 'other', undefined, out, depth + 1);
      return { text: '' };
    });
    out.unshift({ written: e, pieces: kept, via, declaration });
    return;
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || decl.getStart() > e.getStart()) return;
    const isConst = isConstDeclaration(decl);
    collect(decl.initializer, facts, isConst && via === 'argument' ? 'const' : 'other', isConst ? decl : undefined, out, depth + 1);
    if (!isConst) for (const appended of appendsTo(decl, e)) collect(appended, facts, 'other', undefined, out, depth + 1);
    return;
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(unwrap(e.expression))) {
    const fn = facts.localFunction(unwrap(e.expression) as ts.Identifier);
    if (fn) for (const r of returnedExpressions(fn, facts.walk)) collect(r, facts, 'other', undefined, out, depth + 1);
  }
}

function isWrittenText(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) return true;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && hasLiteralOperand(e);
}

function hasLiteralOperand(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u) || ts.isTemplateExpression(u)) return true;
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken && (hasLiteralOperand(u.left) || hasLiteralOperand(u.right));
}

function flatten(e: ts.Expression, sourceFile: ts.SourceFile, out: SqlPiece[]): void {
  const u = ts.isParenthesizedExpression(e) ? unwrap(e) : e;
  if (ts.isStringLiteralLike(u)) {
    out.push(ts.isNoSubstitutionTemplateLiteral(u) ? { text: u.text, raw: u.getText(sourceFile).slice(1, -1) } : { text: u.text });
  } else if (ts.isTemplateExpression(u)) {
    out.push({ text: u.head.text, raw: u.head.getText(sourceFile).slice(1, -2) });
    for (const span of u.templateSpans) {
      out.push({ expr: span.expression });
      const lit = span.literal;
      out.push({ text: lit.text, raw: lit.getText(sourceFile).slice(1, ts.isTemplateTail(lit) ? -1 : -2) });
    }
  } else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken && hasLiteralOperand(u)) {
    flatten(u.left, sourceFile, out);
    flatten(u.right, sourceFile, out);
  } else {
    out.push({ expr: e });
  }
}

/** The value of a `const` in this file that is itself SQL with holes, interpolated as a fragment. */
function fragmentValue(expr: ts.Expression, facts: Facts): ts.Expression | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return undefined;
  const declared = facts.constInitializer(e);
  if (!declared) return undefined;
  const init = unwrap(declared);
  return (ts.isTemplateExpression(init) || (ts.isBinaryExpression(init) && isWrittenText(init))) && !facts.isConstant(init) ? declared : undefined;
}

/** Right-hand sides of `name += …` and `name = name + …` between the `let` and its use, in the same function. */
function appendsTo(decl: ts.VariableDeclaration, use: ts.Identifier): ts.Expression[] {
  const out: ts.Expression[] = [];
  const scope = decl.parent.parent.parent;
  const name = use.text;
  if (!scope) return out;
  preorderBelow(scope, (n) => {
    if (n.pos >= use.pos) return false;
    if (ts.isBinaryExpression(n) && ts.isIdentifier(n.left) && n.left.text === name && n.pos > decl.end) {
      if (n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) out.push(n.right);
      else if (n.operatorToken.kind === ts.SyntaxKind.EqualsToken) out.push(n.right);
    }
    return true;
  });
  return out;
}

const holeMark = '\u0000';

/** The text with each hole as one NUL character, for reading SQL structure around the holes. */
export function skeleton(pieces: readonly SqlPiece[]): string {
  return pieces.map((p) => (isHole(p) ? holeMark : p.text)).join('');
}

/** A whole SQL statement, not a word that happens to be one: `SELECT … FROM`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`. */
export function looksLikeSqlStatement(text: string): boolean {
  return (
    /^[\s(]*(SELECT|INSERT|UPDATE|DELETE|REPLACE|MERGE|WITH|CREATE|ALTER|DROP|TRUNCATE|UPSERT)\b/i.test(text) &&
    /\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+(IGNORE\s+)?INTO\b|\bUPDATE\b[\s\S]*?\bSET\b|\bDELETE\s+FROM\b|\bREPLACE\s+INTO\b|\bMERGE\s+INTO\b|\b(CREATE|ALTER|DROP|TRUNCATE)\s+(TABLE|INDEX|VIEW|DATABASE|SCHEMA)\b/i.test(text)
  );
}

const valueContext = /(?:[=<>+]|\b(?:I?LIKE|LIMIT|OFFSET|BETWEEN\s+\S+\s+AND|BETWEEN|THEN|ELSE|WHEN|IS(?:\s+NOT)?|IN\s*\(|VALUES\s*\(|AGAINST\s*\())\s*$/i;

/** Where the hole at `index` sits in the SQL around it. */
export function holePosition(pieces: readonly SqlPiece[], index: number): HolePosition {
  const before = skeleton(pieces.slice(0, index));
  if (countQuotes(before) % 2 === 1) return 'quoted';
  if (valueContext.test(before)) return 'value';
  // `VALUES (${a}, ${b})`, `IN (${a}, ${b})`, `LIMIT ${a}, ${b}`: a list the first hole of already belongs to.
  if (/,\s*$/.test(before)) {
    const open = unclosedParen(before);
    if (open >= 0 && /\b(VALUES|IN)\s*$/i.test(before.slice(0, open))) return 'value';
    if (open < 0 && /\bLIMIT\s+\S+\s*,\s*$/i.test(before)) return 'value';
  }
  return 'name';
}

const orderingContext = /(?:(?<![<>])[<>]=?|[+\-*/]|\b(?:LIMIT|OFFSET))\s*$/i;

/**
 * Whether the hole at `index` is an unquoted operand of an ordering comparison or arithmetic
 * (`left > ${n}`, `+ ${size}`, `LIMIT ${n}`): numbers, in code that computes them (nested sets, paging).
 */
export function isNumericContext(pieces: readonly SqlPiece[], index: number): boolean {
  const before = skeleton(pieces.slice(0, index));
  return countQuotes(before) % 2 === 0 && orderingContext.test(before);
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === "'") n++;
  return n;
}

function unclosedParen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
