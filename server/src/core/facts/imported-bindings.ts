/**
 * Which export of which module a name or a call of this file stands for, so that what the project index knows of
 * that export (project/export-summary.ts) can be asked: ES named, default and namespace imports, `import x =
 * require()`, `const x = require('./y')`, `const { a } = require('./y')`, `require('./y').a`, members of these
 * (`accounts.findByEmail`), an instance of an imported class (`new Service()`, a parameter or `this.field` typed
 * with it, as NestJS injects services). Export keys are those of export-summary.ts; a member deeper than
 * `Export.method` is not followed.
 */
import * as ts from 'typescript';
import { type Facts, factKey } from './facts';
import { bindingPath } from './scopes';
import { isRequireCall, memberName, unwrap } from './syntax';

export interface ImportedBinding {
  /** The module as written in the import. */
  specifier: string;
  /** The export key, or '' for the module object itself (`require('./y')`, `import * as y`). */
  name: string;
}

const bindingFact = factKey<ImportedBinding | undefined>('imported-binding');

/** The imported export `expr` names, if any. */
export function importedBinding(expr: ts.Expression, facts: Facts): ImportedBinding | undefined {
  return bindingOf(expr, facts, 0);
}

/**
 * The export a call calls: `findByEmail(x)`, `accounts.findByEmail(x)`, `require('./run')(x)`. Calling the module
 * object itself calls its default export (`module.exports = function`).
 */
export function calledExport(call: ts.CallExpression, facts: Facts): ImportedBinding | undefined {
  return facts.memo(calledExportFact, call, () => {
    const binding = bindingOf(call.expression, facts, 0);
    if (!binding) return undefined;
    return binding.name === '' ? { ...binding, name: 'default' } : binding;
  });
}

/** Per call: the injection rules, the hashing, transaction and query-loop rules and the summaries all ask of most calls. */
const calledExportFact = factKey<ImportedBinding | undefined>('called-export');

function bindingOf(expr: ts.Expression, facts: Facts, depth: number): ImportedBinding | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (isRequireCall(e)) return { specifier: e.arguments[0].text, name: '' };
  if (ts.isNewExpression(e)) return bindingOf(e.expression, facts, depth + 1);
  if (ts.isIdentifier(e)) return facts.memo(bindingFact, e, () => identifierBinding(e, facts, depth));
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = memberName(e);
    if (name === undefined) return undefined;
    if (e.expression.kind === ts.SyntaxKind.ThisKeyword) return thisMemberBinding(e, name, facts, depth);
    const base = bindingOf(e.expression, facts, depth + 1);
    return base && member(base, name);
  }
  return undefined;
}

function member(base: ImportedBinding, name: string): ImportedBinding | undefined {
  if (base.name === '') return { specifier: base.specifier, name };
  return base.name.includes('.') ? undefined : { specifier: base.specifier, name: `${base.name}.${name}` };
}

function identifierBinding(id: ts.Identifier, facts: Facts, depth: number): ImportedBinding | undefined {
  const decl = facts.resolve(id);
  if (!decl) return undefined;
  if (ts.isImportClause(decl)) return withSpecifier(decl.parent, 'default');
  if (ts.isNamespaceImport(decl)) return withSpecifier(decl.parent.parent, '');
  if (ts.isImportSpecifier(decl)) return withSpecifier(decl.parent.parent.parent, (decl.propertyName ?? decl.name).text);
  if (ts.isImportEqualsDeclaration(decl)) {
    const ref = decl.moduleReference;
    return ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) ? { specifier: ref.expression.text, name: '' } : undefined;
  }
  if (ts.isVariableDeclaration(decl)) {
    if (decl.initializer) return requireOrNew(decl.initializer, facts, depth);
    return typeBinding(decl.type, facts, depth);
  }
  if (ts.isParameter(decl)) return typeBinding(decl.type, facts, depth);
  if (ts.isBindingElement(decl)) {
    const path = bindingPath(decl);
    if (!path || path.path.length !== 1 || !ts.isVariableDeclaration(path.root) || !path.root.initializer) return undefined;
    const base = requireOrNew(path.root.initializer, facts, depth);
    return base && member(base, path.path[0]);
  }
  return undefined;
}

/** A value a declaration takes that is still the module or its export: not what a call of it returns. */
function requireOrNew(init: ts.Expression, facts: Facts, depth: number): ImportedBinding | undefined {
  const e = unwrap(init);
  if (ts.isAwaitExpression(e) || (ts.isCallExpression(e) && !isRequireCall(e))) return undefined;
  return bindingOf(e, facts, depth + 1);
}

/** `users: UsersService` where `UsersService` is imported: an instance of that export. */
function typeBinding(type: ts.TypeNode | undefined, facts: Facts, depth: number): ImportedBinding | undefined {
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const decl = facts.resolve(type.typeName);
  if (!decl || !(ts.isImportSpecifier(decl) || ts.isImportClause(decl))) return undefined;
  return bindingOf(type.typeName, facts, depth + 1);
}

/** `this.users` in a class: a field's initializer or type, or a constructor parameter property. */
function thisMemberBinding(node: ts.Node, name: string, facts: Facts, depth: number): ImportedBinding | undefined {
  let cls: ts.Node | undefined = node.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) {
      return m.initializer ? requireOrNew(m.initializer, facts, depth + 1) : typeBinding(m.type, facts, depth + 1);
    }
    if (ts.isConstructorDeclaration(m)) {
      const param = m.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && (ts.getModifiers(p)?.length ?? 0) > 0);
      if (param) return typeBinding(param.type, facts, depth + 1);
    }
  }
  return undefined;
}

function withSpecifier(decl: ts.ImportDeclaration | ts.JSDocImportTag, name: string): ImportedBinding | undefined {
  return ts.isStringLiteral(decl.moduleSpecifier) ? { specifier: decl.moduleSpecifier.text, name } : undefined;
}
