/**
 * Functions attached to an exported value after its definition, the way older Express apps write their models:
 * `const Tutorial = function (t) {…}; Tutorial.getAll = (title, result) => {…}; module.exports = Tutorial;`.
 * Importers call them as members of the module (`Tutorial.getAll(req.query.title, …)`), so they are offered to
 * other modules as the exported functions are (exported-functions.ts), under the key an importer reaches them by:
 * `getAll` when the value is the CommonJS module itself, `default.getAll` for `export default`, `Tutorial.getAll`
 * for a named export. Kept apart from exported-functions.ts, whose list is also the API undocumented-export
 * asks to document.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import type { ExportedFunction } from './exported-functions';
import { dottedName, unwrap } from './syntax';

export function attachedFunctions(sourceFile: ts.SourceFile, facts: Facts): ExportedFunction[] {
  const prefixes = exportedLocals(sourceFile, facts);
  if (prefixes.size === 0) return [];
  const out: ExportedFunction[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = unwrap(statement.expression);
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = assignment.left;
    const fn = unwrap(assignment.right);
    if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression) || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) continue;
    const decl = facts.resolve(left.expression);
    const exported = decl && prefixes.get(decl);
    if (exported === undefined) continue;
    const name = left.name.text;
    out.push({ fn, name: left.name, label: `${left.expression.text}.${name}`, key: exported.prefix === '' ? name : `${exported.prefix}.${name}`, docTarget: statement });
  }
  return out;
}

/**
 * The file's top-level names that are exported as a whole, with the key prefix an importer reaches their
 * members by ('' for `module.exports = X`).
 */
function exportedLocals(sourceFile: ts.SourceFile, facts: Facts): Map<ts.Node, { prefix: string }> {
  const out = new Map<ts.Node, { prefix: string }>();
  const put = (expr: ts.Expression, prefix: string): void => {
    const e = unwrap(expr);
    const decl = ts.isIdentifier(e) ? facts.resolve(e) : undefined;
    if (decl && !out.has(decl)) out.set(decl, { prefix });
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      put(statement.expression, statement.isExportEquals ? '' : 'default');
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) {
        const local = spec.propertyName ?? spec.name;
        if (ts.isIdentifier(local)) put(local, spec.name.text);
      }
    } else if (ts.isVariableStatement(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d, { prefix: d.name.text });
    } else if (ts.isExpressionStatement(statement)) {
      const assignment = unwrap(statement.expression);
      if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = dottedName(assignment.left);
      const right = unwrap(assignment.right);
      if (target === 'module.exports') {
        if (!ts.isObjectLiteralExpression(right)) put(right, '');
        else {
          for (const p of right.properties) {
            if (ts.isShorthandPropertyAssignment(p)) put(p.name, p.name.text);
            else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.initializer, p.name.text);
          }
        }
      } else if (target !== undefined && /^(module\.)?exports\.[\w$]+$/.test(target)) {
        put(right, target.slice(target.lastIndexOf('.') + 1));
      }
    }
  }
  return out;
}
