/**
 * Whether a value is fixed when the code is written: literals, `const` names bound to them, UPPER_CASE
 * constants imported from elsewhere, enum-like members, and expressions made only of these.
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex } from './scopes';
import type { MutationIndex } from './mutations';
import { isConstDeclaration, unwrap } from './syntax';

const upperCase = /^[A-Z][A-Z0-9_]*$/;

export class ConstantIndex {
  private readonly cache = new Map<Declaration, boolean>();

  constructor(
    private readonly scopes: ScopeIndex,
    private readonly mutations: MutationIndex,
  ) {}

  isConstant(expr: ts.Expression, depth = 0): boolean {
    if (depth > 16) return false;
    const e = unwrap(expr);
    switch (e.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
        return true;
    }
    if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => this.isConstant(s.expression, depth + 1));
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        return this.isConstant(e.left, depth + 1) && this.isConstant(e.right, depth + 1);
      }
      return false;
    }
    if (ts.isConditionalExpression(e)) return this.isConstant(e.whenTrue, depth + 1) && this.isConstant(e.whenFalse, depth + 1);
    if (ts.isIdentifier(e)) {
      if (e.text === 'undefined') return true;
      const decl = this.scopes.resolve(e);
      if (!decl) return upperCase.test(e.text);
      return this.declarationIsConstant(decl, e.text, depth);
    }
    if (ts.isPropertyAccessExpression(e)) {
      // `TABLES.users`, `Status.Active`, `config.TABLE`: a constant-looking object or member.
      if (upperCase.test(e.name.text)) return true;
      const base = unwrap(e.expression);
      return ts.isIdentifier(base) && (/^[A-Z]/.test(base.text) || this.isConstant(base, depth + 1));
    }
    if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => this.isConstant(x, depth + 1));
    if (ts.isObjectLiteralExpression(e)) {
      return e.properties.every((p) => ts.isPropertyAssignment(p) && this.isConstant(p.initializer, depth + 1));
    }
    if (ts.isCallExpression(e)) {
      // `.join(', ')` of a constant array, `String(CONST)`.
      const callee = unwrap(e.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'join') return this.isConstant(callee.expression, depth + 1);
      return false;
    }
    return false;
  }

  /**
   * The value `id` was declared with, when it names a `const`: only a `const` is sure to hold that value wherever
   * the name is read. Undefined for a `let`, a `var`, a parameter, an import or a destructured name.
   */
  constInitializer(id: ts.Identifier): ts.Expression | undefined {
    const decl = this.scopes.resolve(id);
    return decl && ts.isVariableDeclaration(decl) && isConstDeclaration(decl) ? decl.initializer : undefined;
  }

  private declarationIsConstant(decl: Declaration, name: string, depth: number): boolean {
    const cached = this.cache.get(decl);
    if (cached !== undefined) return cached;
    this.cache.set(decl, false);
    let result = false;
    if (ts.isVariableDeclaration(decl)) {
      // `const parts = ['grep']` stops being constant when the file pushes into it.
      result = isConstDeclaration(decl) && decl.initializer !== undefined && this.isConstant(decl.initializer, depth + 1) && this.mutations.valuesPutInto(decl).every((v) => this.isConstant(v, depth + 1));
    } else if (ts.isImportSpecifier(decl) || ts.isImportClause(decl)) {
      result = upperCase.test(name);
    } else if (ts.isBindingElement(decl)) {
      result = upperCase.test(name);
    }
    this.cache.set(decl, result);
    return result;
  }
}
