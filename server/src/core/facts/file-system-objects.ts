/**
 * Which values are a file system whose methods open the paths they are given: the `fs` module and its kin by
 * their import (and a snippet's bare `fs`), and the file systems packages take from their caller or wrap, which
 * behave the same: `opts.fs || fs`, `this.fs`, `compiler.outputFileSystem`, `pify(fs)`, a parameter or a local
 * named `fs`.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import type { LibraryId } from '../catalog';
import { fileSystemLibraries, fileSystemLocalNames, fileSystemObjectNames, promisifiers } from '../catalog/file-systems';
import { calleeName, memberName, unwrap } from './syntax';

/** The file-system library `expr` is (`fs` for one passed in), or undefined when it is not known to be one. */
export function fileSystemOf(expr: ts.Expression, facts: Facts, depth = 0): LibraryId | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'promises') return fileSystemOf(e.expression, facts, depth + 1);
  const ref = facts.libraryOf(e);
  if (ref?.library !== undefined) return fileSystemLibraries.has(ref.library) ? ref.library : undefined;
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (decl === undefined) return fileSystemLocalNames.test(e.text) ? 'fs' : undefined;
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const found = fileSystemOf(decl.initializer, facts, depth + 1);
      if (found) return found;
    }
    // A module Vigil does not know (`require('./fs')`, `Utils.FileSystem.require()`), or a parameter, so named.
    return (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) && ts.isIdentifier(decl.name) && fileSystemObjectNames.test(e.text) ? 'fs' : undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
    return fileSystemOf(e.left, facts, depth + 1) ?? fileSystemOf(e.right, facts, depth + 1);
  }
  if (ts.isConditionalExpression(e)) return fileSystemOf(e.whenTrue, facts, depth + 1) ?? fileSystemOf(e.whenFalse, facts, depth + 1);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    return name !== undefined && promisifiers.has(name) && e.arguments[0] ? fileSystemOf(e.arguments[0], facts, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = memberName(e);
    return name !== undefined && fileSystemObjectNames.test(name) ? 'fs' : undefined;
  }
  return undefined;
}
