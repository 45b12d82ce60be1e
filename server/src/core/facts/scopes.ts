/**
 * Name resolution without a type checker: which declaration a name refers to, by lexical scope. Each scope's
 * declarations are collected once, when first asked, so a lookup costs the depth of the scope chain.
 */
import * as ts from 'typescript';
import { isFunctionLike, unwrap } from './syntax';

/** The node that declares a name: a variable, binding element, parameter, function, class or import. */
export type Declaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.ImportClause
  | ts.ImportSpecifier
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration
  | ts.FunctionExpression;

type Scope = Map<string, Declaration>;

function addBindingName(scope: Scope, name: ts.BindingName, decl: ts.VariableDeclaration | ts.ParameterDeclaration): void {
  if (ts.isIdentifier(name)) {
    scope.set(name.text, decl);
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name)) scope.set(element.name.text, element);
    else addPattern(scope, element.name);
  }
}

function addPattern(scope: Scope, pattern: ts.BindingPattern): void {
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name)) scope.set(element.name.text, element);
    else addPattern(scope, element.name);
  }
}

function addVariableList(scope: Scope, list: ts.VariableDeclarationList): void {
  for (const d of list.declarations) addBindingName(scope, d.name, d);
}

function addStatements(scope: Scope, statements: readonly ts.Statement[]): void {
  for (const s of statements) {
    if (ts.isVariableStatement(s)) addVariableList(scope, s.declarationList);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) scope.set(s.name.text, s);
    else if (ts.isImportDeclaration(s) && s.importClause) {
      const clause = s.importClause;
      if (clause.name) scope.set(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) scope.set(bindings.name.text, bindings);
      else if (bindings) for (const spec of bindings.elements) scope.set(spec.name.text, spec);
    } else if (ts.isImportEqualsDeclaration(s)) scope.set(s.name.text, s);
  }
}

function collect(container: ts.Node): Scope {
  const scope: Scope = new Map();
  if (ts.isSourceFile(container) || ts.isBlock(container) || ts.isModuleBlock(container)) {
    addStatements(scope, container.statements);
  } else if (ts.isCaseBlock(container)) {
    for (const clause of container.clauses) addStatements(scope, clause.statements);
  } else if (isFunctionLike(container)) {
    if (ts.isFunctionExpression(container) && container.name) scope.set(container.name.text, container);
    for (const p of container.parameters) addBindingName(scope, p.name, p);
  } else if (ts.isForStatement(container) || ts.isForOfStatement(container) || ts.isForInStatement(container)) {
    const init = container.initializer;
    if (init && ts.isVariableDeclarationList(init)) addVariableList(scope, init);
  } else if (ts.isCatchClause(container) && container.variableDeclaration) {
    addBindingName(scope, container.variableDeclaration.name, container.variableDeclaration);
  }
  return scope;
}

function isScopeContainer(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node)
  );
}

/** How many parents a name's climb takes before it remembers the nodes it passes (see declaringContainer). */
const shortClimb = 16;

export class ScopeIndex {
  private readonly scopes = new Map<ts.Node, Scope>();

  private scopeOf(container: ts.Node): Scope {
    let scope = this.scopes.get(container);
    if (!scope) this.scopes.set(container, (scope = collect(container)));
    return scope;
  }

  /**
   * For a node, the nearest container at or above it that declares anything (null: none). Remembered for the nodes
   * a search passes, so a name used at the bottom of an `else if` chain thousands of levels deep costs a few
   * steps, not a climb through every branch between it and its declaration.
   */
  private readonly declaring = new Map<ts.Node, ts.Node | null>();

  /**
   * Most names sit a few nodes below their statement's block: the climb to that first container is a few parent
   * steps, cheaper than remembering each node passed. From the first container up, or from the name itself past
   * `shortClimb` steps without one (a long `else if` chain), the way is remembered.
   */
  private declaringContainer(from: ts.Node | undefined): ts.Node | undefined {
    let n = from;
    for (let steps = 0; n && steps < shortClimb; steps++, n = n.parent) {
      if (isScopeContainer(n)) return this.rememberedContainer(n);
    }
    return n ? this.rememberedContainer(from) : undefined;
  }

  private rememberedContainer(from: ts.Node | undefined): ts.Node | undefined {
    const passed: ts.Node[] = [];
    let found: ts.Node | null = null;
    for (let n = from; n; n = n.parent) {
      const known = this.declaring.get(n);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (isScopeContainer(n) && this.scopeOf(n).size > 0) {
        found = n;
        break;
      }
      passed.push(n);
    }
    for (const n of passed) this.declaring.set(n, found);
    return found ?? undefined;
  }

  /** The declaration `name` refers to as seen from `from`, or undefined for globals and unknown names. */
  resolveName(name: string, from: ts.Node): Declaration | undefined {
    for (let c = this.declaringContainer(from); c; c = this.declaringContainer(c.parent)) {
      const decl = this.scopeOf(c).get(name);
      if (decl) return decl;
    }
    return undefined;
  }

  /** Per identifier: a name is resolved for most rules that look at its call or its value, and the library lookups again. */
  private readonly resolved = new Map<ts.Identifier, Declaration | null>();

  resolve(id: ts.Identifier): Declaration | undefined {
    const known = this.resolved.get(id);
    if (known !== undefined) return known ?? undefined;
    const decl = this.resolveName(id.text, id);
    this.resolved.set(id, decl ?? null);
    return decl;
  }
}

/** For `const { a: { b } } = init`: the property path from the initializer to the element, and the root declaration. */
export function bindingPath(element: ts.BindingElement): { root: ts.VariableDeclaration | ts.ParameterDeclaration; path: string[] } | undefined {
  const path: string[] = [];
  let node: ts.Node = element;
  while (ts.isBindingElement(node)) {
    const pattern: ts.BindingPattern = node.parent;
    if (ts.isObjectBindingPattern(pattern)) {
      const prop = node.propertyName ?? node.name;
      if (ts.isIdentifier(prop) || ts.isStringLiteral(prop)) path.unshift(prop.text);
      else return undefined;
    } else {
      path.unshift(String(pattern.elements.indexOf(node)));
    }
    node = pattern.parent;
  }
  if (ts.isVariableDeclaration(node) || ts.isParameter(node)) return { root: node, path };
  return undefined;
}

/** The function a declaration names: `function f() {}`, or `const f = () => …` / `const f = function () {}`. */
export function functionDeclaredBy(decl: Declaration | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}
