/**
 * A "Wrap in transaction" result keeps every original statement, in order: each simple statement of the
 * input appears in the output, in the same order, up to a consistent renaming of names (the handle: `pool` →
 * `client`, `prisma` → `tx`), the transaction option a write gains (`{ transaction: t }`, `{ session }`),
 * and TypeORM's `manager.withRepository(repo)` standing for `repo`. External calls the fix moves out after the
 * transaction are the one allowed change of order: they are matched anywhere after their predecessor.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parse } from '../../server/src/core/parse';

/** Statements with no statement inside them, as token lists, in source order. */
function leafStatements(text: string, fileName: string): string[][] {
  const sf = parse(text, fileName);
  const out: string[][] = [];
  const visit = (n: ts.Node): void => {
    if (isSimple(n)) {
      let inner = false;
      const look = (c: ts.Node): void => {
        if (inner) return;
        if (ts.isBlock(c)) inner = true;
        else ts.forEachChild(c, look);
      };
      ts.forEachChild(n, look);
      if (!inner) {
        out.push(tokens(normalise(n.getText(sf))));
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function isSimple(n: ts.Node): boolean {
  return ts.isExpressionStatement(n) || ts.isVariableStatement(n) || ts.isReturnStatement(n) || ts.isThrowStatement(n);
}

function normalise(text: string): string {
  return text
    .replace(/\b\w+\.withRepository\(([^()]*)\)/g, '$1')
    .replace(/,\s*\{\s*(transaction: \w+|session)\s*\}/g, '')
    .replace(/,\s*(transaction: \w+|session)(?=\s*\})/g, '');
}

function tokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) out.push(`${k === ts.SyntaxKind.Identifier ? 'id:' : ''}${scanner.getTokenText()}`);
  return out;
}

/** Whether two statements are equal under `renames`, extending it where a name differs for the first time. */
function sameUpToRenaming(a: string[], b: string[], renames: Map<string, string>): boolean {
  if (a.length !== b.length) return false;
  const added: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const mapped = renames.get(a[i]);
    if (mapped === b[i]) continue;
    if (mapped === undefined && a[i].startsWith('id:') && b[i].startsWith('id:')) {
      renames.set(a[i], b[i]);
      added.push(a[i]);
      continue;
    }
    for (const k of added) renames.delete(k);
    return false;
  }
  return true;
}

export function assertKeepsStatements(before: string, after: string, fileName: string): void {
  const original = leafStatements(before, fileName);
  const fixed = leafStatements(after, fileName);
  const renames = new Map<string, string>();
  let at = 0;
  for (const statement of original) {
    const text = statement.join(' ');
    // A statement the fix left untouched (an external call moved after the transaction) may sit anywhere later.
    const unchanged = fixed.findIndex((f, j) => j >= at && f.join(' ') === text);
    if (unchanged >= 0) continue;
    let found = -1;
    for (let j = at; j < fixed.length && found < 0; j++) if (sameUpToRenaming(statement, fixed[j], renames)) found = j;
    assert.ok(found >= 0, `statement lost, changed or moved by the fix: ${statement.map((t) => t.replace(/^id:/, '')).join(' ')}\n${after}`);
    at = found + 1;
  }
}
