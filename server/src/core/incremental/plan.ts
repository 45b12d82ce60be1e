/**
 * What an edit lets the next analysis reuse. The edit is found by comparing the previous text with the new one
 * (the common prefix and suffix), so it does not matter how the tree was made. It is reusable when it lies inside
 * one function body of one unit, or in the comments and blank lines before a unit, or only moves one unit's code
 * around (whitespace between its tokens, same-syntax.ts), and every other unit is the same text at the same or a
 * shifted place: then
 * declaration-scoped rules run again only on that unit, its class head, and the units tied to them by name
 * (coupling.ts), and to those, as far as that goes (reach.ts); the other units' findings are shifted. Anything else
 * is a full analysis.
 *
 * An edit that only typed or deleted whitespace between tokens, outside comments and without a line break, is
 * `layout`: every node keeps its kind and line, so no rule can see it but through the offsets of its findings and
 * the text of the expression typed into, and every rule's findings are reused, moved; only a space typed into an
 * expression runs the edited unit again, with the units using its names, and theirs.
 */
import * as ts from 'typescript';
import { parse } from '../parse';
import { isFunctionLike } from '../facts/syntax';
import { type CouplingUse, type Reach, couplingDeclarations, couplingUses, declaredNames, methodCalls } from './coupling';
import { onlyWhitespace, sameSyntax } from './same-syntax';
import type { Unit } from './units';
import type { WordPositions } from './word-positions';
import { reachedUnits, unitsUsing } from './reach';
import { isLineBreak } from './line-starts';

/** The changed span: `[start, oldEnd)` of the previous text became `[start, newEnd)` of the new one. */
export interface Region {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A unit as the previous analysis saw it. */
export interface UnitSpan {
  pos: number;
  end: number;
  head?: number;
  isHead: boolean;
}

export interface ReusePlan {
  region: Region;
  /** The new units whose declaration-scoped findings are made again; every other unit's are shifted. */
  rerun: Set<number>;
  /** Only whitespace between tokens, outside comments, on the same lines: file-wide findings are moved too. */
  layout: boolean;
  /**
   * After an edit in a statement or a class member (in a function body, or in the comments before it; not in a class
   * head): that unit's index, and the unit as it was, parsed alone, to compare what a file rule reads of its text
   * (`unitShape` in rule.ts).
   */
  edited?: { unit: number; before: ts.Node };
}

/** Where two texts differ, or undefined when they are equal. */
export function changedRegion(before: string, after: string): Region | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const beforeEnd = before.length;
  const afterEnd = after.length;
  // Whole chunks first: V8 compares two strings as memory, 25 times faster than a loop over their characters.
  let start = 0;
  while (start + comparedChunk <= shorter && before.slice(start, start + comparedChunk) === after.slice(start, start + comparedChunk)) start += comparedChunk;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail + comparedChunk <= shorter - start && before.slice(beforeEnd - tail - comparedChunk, beforeEnd - tail) === after.slice(afterEnd - tail - comparedChunk, afterEnd - tail)) {
    tail += comparedChunk;
  }
  while (tail < shorter - start && before.charCodeAt(beforeEnd - 1 - tail) === after.charCodeAt(afterEnd - 1 - tail)) tail++;
  return { start, oldEnd: beforeEnd - tail, newEnd: afterEnd - tail };
}

const comparedChunk = 1024;

/**
 * A text and the one analysed before it. Where they differ is worked out when first asked, once for every step of
 * the analysis that asks (the NUL search, the reuse plan, the summary's import check), not read again by each.
 */
export class TextChange {
  private found?: { region: Region | undefined };

  constructor(
    readonly before: string,
    readonly after: string,
  ) {}

  /** Undefined when the texts are equal. */
  get region(): Region | undefined {
    return (this.found ??= { region: changedRegion(this.before, this.after) }).region;
  }
}

/**
 * The plan for analysing `sourceFile` (split into `units`) after `change.before` (split into `previous`), or
 * undefined when the edit is not confined to one function body (or one unit's leading comments) and a full
 * analysis is needed.
 */
export function planReuse(change: TextChange, previous: readonly UnitSpan[], sourceFile: ts.SourceFile, units: readonly Unit[], words: WordPositions): ReusePlan | undefined {
  const previousText = change.before;
  const region = change.region;
  if (!region) return { region: { start: sourceFile.text.length, oldEnd: previousText.length, newEnd: sourceFile.text.length }, rerun: new Set(), layout: true };
  if (units.length !== previous.length) return undefined;
  const delta = region.newEnd - region.oldEnd;
  let edited: number | undefined;
  for (let i = 0; i < units.length; i++) {
    const now = units[i];
    const before = previous[i];
    if (now.isHead !== before.isHead || now.head !== before.head) return undefined;
    if (now.isHead) continue;
    const shift = before.pos >= region.oldEnd ? delta : 0;
    const endShift = before.end > region.start ? delta : 0;
    // Whitespace typed where a unit's leading trivia begins (after the previous unit's `;` or `}`) joins that trivia.
    const startStays = before.pos === region.start && now.pos === before.pos;
    if ((before.pos + shift !== now.pos && !startStays) || before.end + endShift !== now.end) return undefined;
    const touched = now.pos <= region.start ? region.start < now.end : now.pos < region.newEnd;
    if (!touched) continue;
    if (edited !== undefined) return undefined;
    edited = i;
  }
  // Not in a member: in a class's own text (its head, or the blank lines before its closing brace), or after the
  // last statement, where only whitespace is reusable and nothing runs again.
  edited ??= units.findIndex((u) => u.isHead && u.pos <= region.start && region.newEnd <= u.end);
  if (edited === -1) {
    const last = sourceFile.statements[sourceFile.statements.length - 1];
    const atEnd = (last ? last.end : 0) <= region.start && onlyWhitespace(previousText.slice(region.start, region.oldEnd), sourceFile.text.slice(region.start, region.newEnd));
    return atEnd ? { region, rerun: new Set(), layout: sameLines(previousText, region, sourceFile.text) && !touchesComment(sourceFile, region) } : undefined;
  }
  const unit = units[edited];
  const isMember = unit.head !== undefined;
  const old = previousUnitTree(previousText.slice(previous[edited].pos, previous[edited].end), isMember, sourceFile.fileName);
  const inLeadingTrivia = region.newEnd <= unit.node.getStart(sourceFile);
  const whitespace = onlyWhitespace(previousText.slice(region.start, region.oldEnd), sourceFile.text.slice(region.start, region.newEnd));
  const moved = !inLeadingTrivia && whitespace && layoutOnly(previousText, region, old, isMember, unit.node);
  if (!inLeadingTrivia && !moved && !insideFunctionBody(unit.node, region.start, region.newEnd, sourceFile)) return undefined;
  const rerun = new Set<number>([edited]);
  if (unit.head !== undefined) rerun.add(unit.head);
  const declared = declaredNames(unit.node);
  // A member's name, or a member it assigns, after `this.`: only in its own class (reach.ts).
  const within = (reach: Reach): number | undefined => (reach === 'member' ? unit.head : undefined);
  // Trivia is not syntax, and layout changes none: no other unit can tell (unless a finding reaches into the edit).
  if ((inLeadingTrivia && whitespace) || moved) {
    const layout = sameLines(previousText, region, sourceFile.text) && !touchesComment(sourceFile, region);
    // But a space typed into an expression changes its text, which a finding in a unit using the names declared
    // here, or using that unit's, may quote (`eval(plugin)` quoting `localStorage.getItem('plugin')`): those units
    // run again too.
    if (layout && moved && betweenTokensOfAnExpression(unit.node, region, sourceFile)) {
      for (const name of declared.names) for (const i of unitsUsing(name, declared.reach, within(declared.reach), units, words)) rerun.add(i);
      return { region, rerun: withUnitsOnEditedLines(reachedUnits(words, units, rerun), edited, units, region, sourceFile), layout };
    }
    // Elsewhere no node's text a message may quote changed: the unit's own findings are moved like the others'
    // (one whose range holds the edit, such as a fix rewriting the block typed in, runs its unit again: analyze.ts).
    if (layout) return { region, rerun: withUnitsOnEditedLines(new Set(), edited, units, region, sourceFile), layout };
  }

  const declarations = couplingDeclarations(sourceFile);
  const reach = new Map<string, Reach>();
  for (const name of declared.names) reach.set(name, declared.reach);
  const before = couplingUses(old, declarations, old);
  const after = couplingUses(unit.node, declarations, sourceFile);
  for (const [name, use] of after) if (!sameTexts(use, before.get(name))) reach.set(name, use.reach);
  for (const [name, use] of before) if (!after.has(name)) reach.set(name, use.reach);

  for (const [name, how] of reach) for (const i of unitsUsing(name, how, within(how), units, words)) rerun.add(i);
  // A method called differently (or no longer, or newly) from the edited unit runs again itself.
  const calledBefore = methodCalls(old, old);
  const calledAfter = methodCalls(unit.node, sourceFile);
  const changedCalls = new Set<string>();
  for (const [name, texts] of calledAfter) if (!sameList(texts, calledBefore.get(name))) changedCalls.add(name);
  for (const name of calledBefore.keys()) if (!calledAfter.has(name)) changedCalls.add(name);
  if (changedCalls.size > 0) {
    for (let i = 0; i < units.length; i++) {
      const name = units[i].head !== undefined ? memberNameOf(units[i].node) : undefined;
      if (name !== undefined && changedCalls.has(name) && (unit.head === undefined || units[i].head === unit.head)) rerun.add(i);
    }
  }
  const parsed = unit.isHead ? undefined : parsedUnit(old, isMember);
  // What a unit running again finds as a callee may have changed too, for its callers and theirs (reach.ts).
  const reached = withUnitsOnEditedLines(reachedUnits(words, units, rerun), edited, units, region, sourceFile);
  return { region, rerun: reached, layout: false, ...(parsed ? { edited: { unit: edited, before: parsed } } : {}) };
}

/**
 * `rerun` with the units after the edited one that start after the edit on its last line: what their findings read
 * of their line before them (the indentation a fix writes a comment at) may have changed. Units share a line only in
 * code being typed or broken (`x.usersR}epository.find(` parses a member `find` after a closing brace).
 */
function withUnitsOnEditedLines(rerun: Set<number>, edited: number, units: readonly Unit[], region: Region, sourceFile: ts.SourceFile): Set<number> {
  const text = sourceFile.text;
  let last = region.newEnd;
  while (last < text.length && !isLineBreak(text.charCodeAt(last))) last++;
  for (let i = edited + 1; i < units.length && units[i].pos <= last; i++) if (units[i].node.getStart(sourceFile) <= last) rerun.add(i);
  return rerun;
}

function memberNameOf(member: ts.Node): string | undefined {
  const name = ts.isClassElement(member) ? member.name : undefined;
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** Whether neither the replaced text nor its replacement breaks a line: every token stays on its line. */
export function sameLines(previousText: string, region: Region, text: string): boolean {
  const breaks = /[\r\n\u2028\u2029]/;
  return !breaks.test(previousText.slice(region.start, region.oldEnd)) && !breaks.test(text.slice(region.start, region.newEnd));
}

/**
 * Whether the edited span of the new text is in a comment or at its edge (a space typed after `// note` lengthens
 * it). The span is whitespace in trivia, so it lies in the deepest node holding it, before one of that node's own
 * tokens: only the text from the end of the child before it is scanned, where no regular expression or template
 * can begin.
 */
function touchesComment(sourceFile: ts.SourceFile, region: Region): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(node, (c) => (c.pos <= region.start && region.start < c.end ? c : undefined));
    if (!child) break;
    node = child;
  }
  let from = node.pos;
  ts.forEachChild(node, (c) => {
    if (c.end <= region.start) from = Math.max(from, c.end);
  });
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant, sourceFile.text, undefined, from, Math.max(node.end, region.newEnd) - from);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    if (start > region.newEnd) return false;
    const isComment = kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
    if (isComment && region.start <= scanner.getTokenEnd()) return true;
  }
  return false;
}

/** Whether `[start, end)` lies strictly inside the braces of a function body within `unit`. */
function insideFunctionBody(unit: ts.Node, start: number, end: number, sourceFile: ts.SourceFile): boolean {
  let node: ts.Node = unit;
  for (;;) {
    if (isFunctionLike(node) && node.body && ts.isBlock(node.body)) {
      const body = node.body;
      if (body.getStart(sourceFile) < start && end < body.end) return true;
    }
    const child = ts.forEachChild(node, (c) => (c.pos <= start && end <= c.end ? c : undefined));
    if (!child) return false;
    node = child;
  }
}

/**
 * Whether the edit lies between two tokens of one expression, below the innermost block holding it: the
 * expression's text changed, and a finding in another unit may quote it.
 */
function betweenTokensOfAnExpression(unitNode: ts.Node, region: Region, sourceFile: ts.SourceFile): boolean {
  let inExpression = false;
  for (let node: ts.Node | undefined = unitNode; node; ) {
    node = ts.forEachChild(node, (child) => (child.getStart(sourceFile) < region.start && region.newEnd < child.end ? child : undefined));
    if (node && (ts.isBlock(node) || ts.isExpression(node))) inExpression = ts.isExpression(node);
  }
  return inExpression;
}

/** Whether the edit typed or deleted only whitespace and left the unit's nodes as they were (same-syntax.ts). */
function layoutOnly(previousText: string, region: Region, old: ts.SourceFile, isMember: boolean, now: ts.Node): boolean {
  if (!onlyWhitespace(previousText.slice(region.start, region.oldEnd), now.getSourceFile().text.slice(region.start, region.newEnd))) return false;
  const before = parsedUnit(old, isMember);
  return before !== undefined && sameSyntax(before, now);
}

/** The one statement, or member, that a unit's previous text parsed alone (`previousUnitTree`) holds. */
function parsedUnit(old: ts.SourceFile, isMember: boolean): ts.Node | undefined {
  const statement = old.statements.length === 1 ? old.statements[0] : undefined;
  return isMember ? (statement && ts.isClassDeclaration(statement) && statement.members.length === 1 ? statement.members[0] : undefined) : statement;
}

/** The previous text of a unit, parsed on its own (a member inside a class) to read the names it used. */
function previousUnitTree(text: string, isMember: boolean, fileName: string): ts.SourceFile {
  return parse(isMember ? `class C {${text}\n}` : text, fileName);
}

function sameTexts(a: CouplingUse, b: CouplingUse | undefined): boolean {
  return b !== undefined && sameList(a.texts, b.texts);
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((t, i) => t === b[i]);
}
