/**
 * Statement fingerprints for copy detection. A coarse one costs O(1) per statement (the kinds of its nodes two
 * levels down) and sorts out almost everything; a fine one, the statement's token
 * stream with every identifier and literal abstracted away, is scanned only for statements whose coarse
 * windows collided, so clean files pay next to nothing.
 */
import * as ts from 'typescript';

const maxScannedLength = 1500;
const identifierCode = -1;
const literalCode = -2;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193) >>> 0;
}

export const emptyHash = 0x811c9dc5;

export function combine(hash: number, value: number): number {
  return mix(hash, value);
}

/** The kinds of a statement's children and grandchildren: its shape two levels down, without its names. */
export function coarseFingerprint(statement: ts.Statement): number {
  let hash = mix(emptyHash, statement.kind);
  ts.forEachChild(statement, (child) => {
    hash = mix(hash, child.kind);
    ts.forEachChild(child, (grandchild) => {
      hash = mix(hash, grandchild.kind);
    });
  });
  return hash;
}

export interface FineFingerprint {
  hash: number;
  tokens: number;
}

function normalised(kind: ts.SyntaxKind): number {
  if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) return identifierCode;
  if (
    kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.BigIntLiteral ||
    kind === ts.SyntaxKind.RegularExpressionLiteral ||
    kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
    kind === ts.SyntaxKind.TemplateHead ||
    kind === ts.SyntaxKind.TemplateMiddle ||
    kind === ts.SyntaxKind.TemplateTail
  ) {
    return literalCode;
  }
  return kind;
}

/** Scans statements' text with one reused scanner; template literals are followed through their `${…}`. */
export class FineFingerprinter {
  /** Made when the first statement is scanned: most analyses after an edit scan none. */
  private scanner: ts.Scanner | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /**
   * Undefined for a statement this long: it holds blocks of its own, whose statements are compared in their own
   * windows; scanning it here too would scan nested code once per level. A window holding it matches nothing.
   */
  of(statement: ts.Statement): FineFingerprint | undefined {
    const start = statement.getStart(this.sourceFile);
    if (statement.end - start > maxScannedLength) return undefined;
    const scanner = (this.scanner ??= ts.createScanner(ts.ScriptTarget.Latest, true, this.sourceFile.languageVariant, this.sourceFile.text));
    scanner.resetTokenState(start);
    const templateBraces: number[] = [];
    let hash = emptyHash;
    let tokens = 0;
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken && scanner.getTokenStart() < statement.end; kind = scanner.scan()) {
      if (kind === ts.SyntaxKind.TemplateHead) templateBraces.push(0);
      else if (kind === ts.SyntaxKind.OpenBraceToken && templateBraces.length > 0) templateBraces[templateBraces.length - 1]++;
      else if (kind === ts.SyntaxKind.CloseBraceToken && templateBraces.length > 0) {
        if (templateBraces[templateBraces.length - 1] === 0) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateTail) templateBraces.pop();
        } else templateBraces[templateBraces.length - 1]--;
      }
      hash = mix(hash, normalised(kind));
      tokens++;
    }
    return { hash, tokens };
  }
}
