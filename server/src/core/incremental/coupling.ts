/**
 * Which names tie one unit's findings to another's. Facts cross units only by name: a call to a function of the
 * file (its summary, its callers' arguments), an assignment to a `let` read elsewhere, an assignment to
 * `this.member` read by another method, a declaration another unit refers to. Imports and constants made from
 * something other than a function cannot be changed from inside a function body, so the names that refer to them
 * tie nothing, and neither does a mere read of a `let` or of `this.member`.
 */
import * as ts from 'typescript';
import { preorder } from '../traverse';
import { unwrap } from '../facts/syntax';

/** The names declared at the top of the file that a function body can tie to other units. */
export interface CouplingDeclarations {
  /** Functions (declared, or a `const` holding one): their summaries and their callers' arguments cross units. */
  functions: Set<string>;
  /** `let` and `var`: what is assigned to them anywhere is what they hold everywhere. */
  mutable: Set<string>;
}

export function couplingDeclarations(sourceFile: ts.SourceFile): CouplingDeclarations {
  const out: CouplingDeclarations = { functions: new Set(), mutable: new Set() };
  for (const s of sourceFile.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) out.functions.add(s.name.text);
    else if (ts.isVariableStatement(s)) {
      const mutable = (s.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0;
      for (const d of s.declarationList.declarations) {
        if (mutable) addBindingNames(d.name, out.mutable);
        if (d.initializer && holdsFunction(d.initializer)) addBindingNames(d.name, out.functions);
      }
    }
  }
  return out;
}

/**
 * The names a unit declares for the rest of the file, and how they are reached: a function's or class's name,
 * variables and `x.name = …` as words, a class member's name after `this.`.
 */
export function declaredNames(unit: ts.Node): { names: string[]; reach: Reach } {
  if (ts.isClassElement(unit)) {
    const name = unit.name;
    return { names: name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) ? [name.text] : [], reach: 'member' };
  }
  const names = new Set<string>();
  if ((ts.isFunctionDeclaration(unit) || ts.isClassDeclaration(unit)) && unit.name) names.add(unit.name.text);
  else if (ts.isVariableStatement(unit)) for (const d of unit.declarationList.declarations) addBindingNames(d.name, names);
  else if (ts.isExpressionStatement(unit) && ts.isBinaryExpression(unit.expression) && unit.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = unit.expression.left;
    // `module.exports = …` and `exports.default = …`: words most units of a module say (`module.exports.x = …`,
    // `export default`, `default:`), which reach what the statement holds only where a member chain reads them.
    if (ts.isPropertyAccessExpression(left) && (left.name.text === 'default' || (left.name.text === 'exports' && ts.isIdentifier(left.expression) && left.expression.text === 'module'))) {
      return { names: [left.name.text], reach: 'read' };
    }
    if (ts.isPropertyAccessExpression(left)) names.add(left.name.text);
    else if (ts.isIdentifier(left)) names.add(left.text);
  }
  return { names: [...names], reach: 'word' };
}

/**
 * How a name ties units: as any word (a function or a `let`), only after `this.` (a member), or only where a member
 * chain reads it (`module.exports.find(…)`, `require('./x').default`), not where one is assigned to
 * (`module.exports.find = …`).
 */
export type Reach = 'word' | 'member' | 'read';

/** A name a unit uses to reach other units, and the texts of the places it does (a call, an assignment). */
export interface CouplingUse {
  reach: Reach;
  texts: string[];
}

/**
 * The places where a unit reaches other units: a call of one of the file's functions (its arguments are what the
 * function's parameters may hold), an assignment to one of its `let`s or `var`s or to `this.name` (what is read
 * from them elsewhere). Only where these texts differ between two versions of the unit does an edit reach further
 * than the unit itself.
 */
export function couplingUses(unit: ts.Node, declarations: CouplingDeclarations, sourceFile: ts.SourceFile): Map<string, CouplingUse> {
  const out = new Map<string, CouplingUse>();
  const add = (name: string, reach: Reach, at: ts.Node): void => {
    let use = out.get(name);
    if (!use) out.set(name, (use = { reach, texts: [] }));
    use.texts.push(at.getText(sourceFile));
  };
  preorder(unit, (node) => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      if (declarations.functions.has(node.text) && !(parent && ts.isPropertyAccessExpression(parent) && parent.name === node)) {
        add(node.text, 'word', parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node ? parent : node);
      }
      return;
    }
    const target = assignedTarget(node);
    if (!target) return;
    const e = unwrap(target);
    if (ts.isIdentifier(e) && declarations.mutable.has(e.text)) add(e.text, 'word', node);
    else if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) add(e.name.text, 'member', node);
    else if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) {
      // Destructuring assignment: every name in the pattern may be written.
      preorder(e, (n) => {
        if (ts.isIdentifier(n) && declarations.mutable.has(n.text)) add(n.text, 'word', node);
      });
    }
  });
  return out;
}

/**
 * The calls of methods on `this` in a unit, by method name, as texts: what a method is called with, and whether
 * it is called from a handler at all, is what its own findings may depend on (not its other callers').
 */
export function methodCalls(unit: ts.Node, sourceFile: ts.SourceFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  preorder(unit, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
    const texts = out.get(callee.name.text) ?? [];
    texts.push(node.getText(sourceFile));
    out.set(callee.name.text, texts);
  });
  return out;
}

/** The left side of an assignment (`=`, `+=`, …) or the operand of `++`/`--`. */
function assignedTarget(node: ts.Node): ts.Expression | undefined {
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment ? node.left : undefined;
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    return node.operand;
  }
  return undefined;
}

function holdsFunction(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isClassExpression(e);
}

function addBindingNames(name: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) {
    out.add(name.text);
    return;
  }
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindingNames(element.name, out);
}
