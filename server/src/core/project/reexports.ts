/**
 * What a module passes on from others under a name: `export { default as auth } from './auth'`,
 * `export * from './users'`, `module.exports = { auth: require('./auth') }`, `exports.admin = require('./admin')`,
 * and names imported and exported again (`const auth = require('./auth'); module.exports = { auth }`). The
 * project index follows them from a mount that names an export of an aggregating `routes/index.js` to the file
 * that defines the router. Read from the syntax alone, at the top level of the module.
 */
import * as ts from 'typescript';
import { dottedName, isRequireCall, stringText, unwrap } from '../facts/syntax';

export interface Reexport {
  /** The module the value comes from, as written. */
  specifier: string;
  /** Its name there: `default`, a named export, or undefined for the module's whole export (`require('./auth')`). */
  exportName: string | undefined;
}

/** Exported name → where it comes from; `*` holds the modules re-exported whole (`export * from`). */
export function reexportsOf(sourceFile: ts.SourceFile): Map<string, Reexport[]> {
  const imported = importedNames(sourceFile);
  const out = new Map<string, Reexport[]>();
  const add = (name: string, from: Reexport | undefined): void => {
    if (!from) return;
    const list = out.get(name);
    if (list) list.push(from);
    else out.set(name, [from]);
  };
  const valueOf = (expr: ts.Expression): Reexport | undefined => {
    const e = unwrap(expr);
    if (isRequireCall(e)) return { specifier: e.arguments[0].text, exportName: undefined };
    if (ts.isIdentifier(e)) return imported.get(e.text);
    const inner = ts.isPropertyAccessExpression(e) ? unwrap(e.expression) : undefined;
    return inner && isRequireCall(inner) && ts.isPropertyAccessExpression(e) ? { specifier: inner.arguments[0].text, exportName: e.name.text } : undefined;
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && stringText(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (specifier !== undefined && !clause) add('*', { specifier, exportName: undefined });
      else if (specifier !== undefined && clause && ts.isNamespaceExport(clause)) add(clause.name.text, { specifier, exportName: undefined });
      else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          add(element.name.text, specifier !== undefined ? { specifier, exportName: local } : imported.get(local));
        }
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = dottedName(statement.expression.left) ?? '';
      const right = unwrap(statement.expression.right);
      const named = /^(?:module\.)?exports\.(\w+)$/.exec(target);
      if (named) add(named[1], valueOf(right));
      else if (target === 'module.exports' && ts.isObjectLiteralExpression(right)) {
        for (const property of right.properties) {
          if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) add(property.name.text, valueOf(property.initializer));
          else if (ts.isShorthandPropertyAssignment(property)) add(property.name.text, imported.get(property.name.text));
        }
      }
    }
  }
  return out;
}

/** Local names bound to another module's export: `import auth from`, `import { a as b } from`, `const auth = require()`, `const { a } = require()`. */
function importedNames(sourceFile: ts.SourceFile): Map<string, Reexport> {
  const out = new Map<string, Reexport>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) out.set(clause.name.text, { specifier, exportName: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) out.set(bindings.name.text, { specifier, exportName: undefined });
      else if (bindings) for (const element of bindings.elements) out.set(element.name.text, { specifier, exportName: (element.propertyName ?? element.name).text });
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer && unwrap(decl.initializer);
        if (!init || !isRequireCall(init)) continue;
        const specifier = init.arguments[0].text;
        if (ts.isIdentifier(decl.name)) out.set(decl.name.text, { specifier, exportName: undefined });
        else if (ts.isObjectBindingPattern(decl.name)) {
          for (const element of decl.name.elements) {
            const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : undefined;
            if (ts.isIdentifier(element.name) && key !== undefined) out.set(element.name.text, { specifier, exportName: key });
          }
        }
      }
    }
  }
  return out;
}
