/**
 * Next.js server actions: the exported functions of a `'use server'` module, and functions whose own body
 * starts with `'use server'`. Each is an endpoint the browser can call with any arguments, so what a route
 * needs (a rate limit on sign-in, an authorization check) it needs too.
 */
import * as ts from 'typescript';
import { isFunctionLike, unwrap } from './syntax';
import { preorder } from '../traverse';

export interface ServerAction {
  name: ts.Identifier;
  fn: ts.FunctionLikeDeclaration;
  /** What wraps it, if it is made by a call: `export const login = withRateLimit(async (form) => …)`. */
  wrapper?: ts.Expression;
}

function hasUseServer(statements: readonly ts.Statement[]): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    if (s.expression.text === 'use server') return true;
  }
  return false;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The server actions a file defines. */
export function serverActions(sourceFile: ts.SourceFile): ServerAction[] {
  const out: ServerAction[] = [];
  if (hasUseServer(sourceFile.statements)) {
    for (const s of sourceFile.statements) {
      if (ts.isFunctionDeclaration(s) && s.name && s.body && isExported(s)) out.push({ name: s.name, fn: s });
      if (!ts.isVariableStatement(s) || !isExported(s)) continue;
      for (const d of s.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const init = unwrap(d.initializer);
        if (isFunctionLike(init)) out.push({ name: d.name, fn: init });
        else if (ts.isCallExpression(init)) {
          const fn = init.arguments.find((a) => isFunctionLike(unwrap(a)));
          if (fn) out.push({ name: d.name, fn: unwrap(fn) as ts.FunctionLikeDeclaration, wrapper: init.expression });
        }
      }
    }
    return out;
  }
  if (!sourceFile.text.includes('use server')) return out;
  preorder(sourceFile, (n) => {
    if (isFunctionLike(n) && n.body && ts.isBlock(n.body) && hasUseServer(n.body.statements)) {
      const name = ts.isFunctionDeclaration(n) ? n.name : ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name) ? n.parent.name : undefined;
      if (name) out.push({ name, fn: n });
    }
    return true;
  });
  return out;
}
