/**
 * The functions a module offers to other modules, for undocumented-export and for the flow facts' library
 * input: ES exports (`export function`, `export const f = () => …`, `export default`, `export { f }`),
 * CommonJS (`module.exports = …`, `exports.f = …`, `module.exports = { f }`, chained as in `var f =
 * module.exports = …` or `exports.parse = exports.decode = decode`, inside a top-level `if (typeof module …)`, and
 * functions hung on the exported one: `module.exports = flatten; flatten.unflatten = unflatten`), and the public
 * methods and constructor of an exported class.
 */
import * as ts from 'typescript';
import { type Facts, factKey } from './facts';
import { memberName, unwrap } from './syntax';

export interface ExportedFunction {
  fn: ts.FunctionLikeDeclaration;
  /** Where the finding goes: the function's (or method's, or class's) name, or the keyword of an anonymous one. */
  name: ts.Node;
  /** How it reads in a message: `createUser`, `UserService.find`. */
  label: string;
  /**
   * How an importer reaches it (project/export-summary.ts): `createUser`, `default`, `UserService.find`; a
   * constructor has its class's key.
   */
  key: string;
  /** The statement or member a doc comment belongs above. */
  docTarget: ts.Node;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

function asFunction(expr: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | ts.ClassExpression | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isClassExpression(e) ? e : undefined;
}

function classMembers(cls: ts.ClassLikeDeclaration, className: string, key: string, docTarget: ts.Node, out: ExportedFunction[]): void {
  for (const member of cls.members) {
    if (hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword)) continue;
    if (ts.isConstructorDeclaration(member) && member.body) {
      // A constructor is documented with its class: the class's doc comment carries its `@param`s.
      out.push({ fn: member, name: cls.name ?? docTarget, label: className, key, docTarget });
    } else if (ts.isMethodDeclaration(member) && member.body && ts.isIdentifier(member.name) && !member.name.text.startsWith('_')) {
      out.push({ fn: member, name: member.name, label: `${className}.${member.name.text}`, key: `${key}.${member.name.text}`, docTarget: member });
    }
  }
}

function add(target: ts.Node, value: ts.Node, name: ts.Node, label: string, key: string, out: ExportedFunction[]): void {
  if (ts.isFunctionDeclaration(value) || ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isMethodDeclaration(value)) out.push({ fn: value, name, label, key, docTarget: target });
  else if (ts.isClassDeclaration(value) || ts.isClassExpression(value)) classMembers(value, label, key, target, out);
}

/** The statement a CommonJS export assignment stands in: `module.exports.f = …;`. */
function commonJsTarget(assignment: ts.BinaryExpression): ts.Node {
  return ts.isExpressionStatement(assignment.parent) ? assignment.parent : assignment;
}

function isModuleExports(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}

/** `typeof module !== 'undefined'`, `typeof exports === 'object' && module.exports`: which module system runs the file. */
function testsModuleSystem(cond: ts.Expression): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (ts.isTypeOfExpression(n) && ts.isIdentifier(n.expression) && (n.expression.text === 'module' || n.expression.text === 'exports')) found = true;
    else if (!found) ts.forEachChild(n, visit);
  };
  visit(cond);
  return found;
}

/** The local declaration a name exported by reference (`export { f }`, `module.exports = { f }`) stands for. */
function localValue(id: ts.Identifier, facts: Facts): { target: ts.Node; value: ts.Node; name: ts.Node } | undefined {
  const decl = facts.resolve(id);
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl)) return { target: decl, value: decl, name: decl.name ?? id };
  if (ts.isVariableDeclaration(decl)) {
    const value = asFunction(decl.initializer);
    return value ? { target: decl.parent.parent, value, name: decl.name } : undefined;
  }
  return undefined;
}

/** Once per file: undocumented-export, the flow facts' library input and the file's summary all ask. */
const exportedFact = factKey<readonly ExportedFunction[]>('exported functions');

export function exportedFunctions(sourceFile: ts.SourceFile, facts: Facts): readonly ExportedFunction[] {
  return facts.memo(exportedFact, sourceFile, () => collectExported(sourceFile, facts));
}

function collectExported(sourceFile: ts.SourceFile, facts: Facts): ExportedFunction[] {
  const out: ExportedFunction[] = [];
  const seen = new Set<ts.Node>();
  const addOnce = (target: ts.Node, value: ts.Node, name: ts.Node, label: string, key = label): void => {
    if (seen.has(value)) return;
    seen.add(value);
    add(target, value, name, label, key, out);
  };
  const addObject = (obj: ts.ObjectLiteralExpression): void => {
    for (const p of obj.properties) {
      if (ts.isShorthandPropertyAssignment(p)) {
        const local = localValue(p.name, facts);
        if (local) addOnce(local.target, local.value, local.name, p.name.text);
      } else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) {
        const value = asFunction(p.initializer);
        if (value) addOnce(p, value, p.name, p.name.text);
        else if (ts.isIdentifier(unwrap(p.initializer))) {
          const local = localValue(unwrap(p.initializer) as ts.Identifier, facts);
          if (local) addOnce(local.target, local.value, local.name, p.name.text);
        }
      } else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name) && p.body) {
        addOnce(p, p, p.name, p.name.text);
      }
    }
  };

  /** The local function `module.exports` is (`module.exports = flatten`): its own properties are exported too. */
  let defaultName: string | undefined;
  /** `a = b = c = value`: every target, and the value at the end. */
  const chain = (assignment: ts.BinaryExpression): { targets: ts.Expression[]; value: ts.Expression } => {
    const targets: ts.Expression[] = [];
    let e: ts.Expression = assignment;
    while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      targets.push(unwrap(e.left));
      e = unwrap(e.right);
    }
    return { targets, value: e };
  };
  const isExportsMember = (left: ts.Expression): left is ts.PropertyAccessExpression =>
    ts.isPropertyAccessExpression(left) &&
    (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && (left.expression.text === 'exports' || left.expression.text === defaultName)));
  const visit = (statement: ts.Statement): void => {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
      // An anonymous default export is named by its keyword; finding it makes the statement's token list, so only then.
      const keyword = statement.name ? undefined : statement.getChildren(sourceFile).find((c) => c.kind === ts.SyntaxKind.FunctionKeyword || c.kind === ts.SyntaxKind.ClassKeyword);
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      addOnce(statement, statement, statement.name ?? keyword ?? statement, statement.name?.text ?? 'default', isDefault ? 'default' : statement.name?.text);
    } else if (exported && ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const value = asFunction(d.initializer);
        if (value && ts.isIdentifier(d.name)) addOnce(statement, value, d.name, d.name.text);
      }
    } else if (ts.isVariableStatement(statement)) {
      // `var deepExtend = module.exports = function (…) {…}`
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (!init || !ts.isBinaryExpression(init) || init.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(d.name)) continue;
        const { targets, value } = chain(init);
        const fn = asFunction(value);
        if (!fn) continue;
        if (targets.some(isModuleExports)) addOnce(statement, fn, d.name, d.name.text, 'default');
        else {
          const member = targets.find(isExportsMember);
          if (member) addOnce(statement, fn, d.name, member.name.text);
        }
      }
    } else if (ts.isIfStatement(statement) && testsModuleSystem(statement.expression)) {
      // `if (typeof module !== 'undefined') module.exports = undefsafe;`: a module that also runs in the browser.
      // Other conditions (`if (process.env.TEST_BACKEND)`) export for a purpose, not for every importer.
      for (const branch of [statement.thenStatement, statement.elseStatement]) {
        if (branch && ts.isBlock(branch)) branch.statements.forEach(visit);
        else if (branch) visit(branch);
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const value = asFunction(statement.expression);
      if (value) addOnce(statement, value, statement.getFirstToken(sourceFile) ?? statement, 'default');
      else if (ts.isIdentifier(unwrap(statement.expression))) {
        const local = localValue(unwrap(statement.expression) as ts.Identifier, facts);
        if (local) addOnce(local.target, local.value, local.name, (unwrap(statement.expression) as ts.Identifier).text, 'default');
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const spec of statement.exportClause.elements) {
        const localName = spec.propertyName ?? spec.name;
        const local = ts.isIdentifier(localName) ? localValue(localName, facts) : undefined;
        if (local) addOnce(local.target, local.value, local.name, spec.name.text, spec.name.text);
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const assignment = statement.expression;
      const { targets, value: right } = chain(assignment);
      const left = targets[0];
      if (targets.some(isModuleExports)) {
        if (ts.isObjectLiteralExpression(right)) addObject(right);
        else if (asFunction(right)) addOnce(statement, asFunction(right)!, left, 'module.exports', 'default');
        else if (ts.isIdentifier(right)) {
          const local = localValue(right, facts);
          if (local) {
            defaultName = right.text;
            addOnce(local.target, local.value, local.name, right.text, 'default');
          }
        }
      } else {
        const member = targets.find(isExportsMember);
        if (!member) return;
        const value = asFunction(right);
        const name = memberName(member) ?? 'export';
        if (value) addOnce(commonJsTarget(assignment), value, member.name, name);
        else if (ts.isIdentifier(right)) {
          const local = localValue(right, facts);
          if (local) addOnce(local.target, local.value, local.name, name);
        }
      }
    }
  };
  for (const statement of sourceFile.statements) visit(statement);
  return out;
}
