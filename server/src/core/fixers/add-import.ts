/**
 * A fix that needs a library adds its import, in the file's own module style (`import` or `require`), after
 * the file's last top-level import, or reuses a binding the file already has.
 */
import * as ts from 'typescript';
import type { Facts } from '../facts/facts';
import type { OffsetEdit } from '../rule';
import { isRequireCall } from '../facts/syntax';

export interface ImportRequest {
  module: string;
  /** The local name wanted for the module's default export (or the whole CommonJS module). */
  localName: string;
  /** Bind the whole module (`import * as name`) rather than its default export: Node's built-ins in TypeScript without esModuleInterop. */
  namespace?: boolean;
}

export interface ImportResult {
  /** The name to use in the fix's code. */
  name: string;
  /** Absent when the file already has the binding. */
  edit?: OffsetEdit;
}

function usesEsm(sourceFile: ts.SourceFile): boolean {
  const hasImport = sourceFile.statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s));
  if (hasImport) return true;
  const hasRequire = sourceFile.statements.some(
    (s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.initializer !== undefined && isRequireCall(d.initializer)),
  );
  if (hasRequire) return false;
  const f = sourceFile.fileName;
  return /\.(ts|tsx|mts|mjs)$/.test(f);
}

/** The local name already bound to `module` at the top level, if any: `import bcrypt from 'bcrypt'`, `const bcrypt = require('bcrypt')`. */
function existingBinding(facts: Facts, module: string): string | undefined {
  for (const s of facts.sourceFile.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === module && s.importClause) {
      const clause = s.importClause;
      if (clause.name) return clause.name.text;
      if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) return clause.namedBindings.name.text;
    }
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (d.initializer && isRequireCall(d.initializer) && d.initializer.arguments[0].text === module && ts.isIdentifier(d.name)) return d.name.text;
      }
    }
  }
  return undefined;
}

function isImportStatement(s: ts.Statement): boolean {
  if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) return true;
  return ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.initializer !== undefined && containsRequire(d.initializer));
}

function containsRequire(e: ts.Expression): boolean {
  if (isRequireCall(e)) return true;
  if (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) return containsRequire(e.expression);
  return false;
}

/** Where a new import line goes: after the last import at the top, or after a leading directive prologue. */
function insertionOffset(sourceFile: ts.SourceFile): { offset: number; leadingNewline: boolean } {
  const statements = sourceFile.statements;
  let last: ts.Statement | undefined;
  for (const s of statements) {
    if (isImportStatement(s)) last = s;
    else if (last || !(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))) break;
    else last = s; // 'use strict'
  }
  if (last) return { offset: last.getEnd(), leadingNewline: true };
  const first = statements[0];
  return { offset: first ? first.getStart(sourceFile) : sourceFile.text.length, leadingNewline: false };
}

export function addDefaultImport(facts: Facts, request: ImportRequest): ImportResult {
  const existing = existingBinding(facts, request.module);
  if (existing) return { name: existing };
  const sourceFile = facts.sourceFile;
  let name = request.localName;
  for (let i = 2; facts.resolveName(name, sourceFile) !== undefined; i++) name = `${request.localName}${i}`;
  const binding = request.namespace ? `* as ${name}` : name;
  const line = usesEsm(sourceFile) ? `import ${binding} from '${request.module}';` : `const ${name} = require('${request.module}');`;
  const { offset, leadingNewline } = insertionOffset(sourceFile);
  return { name, edit: { start: offset, end: offset, text: leadingNewline ? `\n${line}` : `${line}\n` } };
}

export interface NamedImportRequest {
  module: string;
  /** The export wanted, bound under its own name: `Throttle` from '@nestjs/throttler'. */
  name: string;
}

/**
 * `import { name } from 'module'` (or `const { name } = require('module')`): added to the file's existing
 * named import of that module if there is one. The result's `name` is the file's own when it already imports
 * the export under another name; undefined when the wanted name is taken by something else.
 */
export function addNamedImport(facts: Facts, request: NamedImportRequest): ImportResult | undefined {
  const sourceFile = facts.sourceFile;
  for (const s of sourceFile.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== request.module) continue;
    const bindings = s.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || s.importClause?.isTypeOnly) continue;
    const existing = bindings.elements.find((e) => (e.propertyName ?? e.name).text === request.name && !e.isTypeOnly);
    if (existing) return { name: existing.name.text };
    if (facts.resolveName(request.name, sourceFile) !== undefined) return undefined;
    const last = bindings.elements[bindings.elements.length - 1];
    if (!last) continue;
    return { name: request.name, edit: { start: last.getEnd(), end: last.getEnd(), text: `, ${request.name}` } };
  }
  if (facts.resolveName(request.name, sourceFile) !== undefined) return undefined;
  const line = usesEsm(sourceFile)
    ? `import { ${request.name} } from '${request.module}';`
    : `const { ${request.name} } = require('${request.module}');`;
  const { offset, leadingNewline } = insertionOffset(sourceFile);
  return { name: request.name, edit: { start: offset, end: offset, text: leadingNewline ? `\n${line}` : `${line}\n` } };
}
