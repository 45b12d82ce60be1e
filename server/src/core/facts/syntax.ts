/** Small questions about syntax that facts and rules both ask. */
import * as ts from 'typescript';

/** Strips parentheses, `await`, `as`, `!`, `satisfies` and type assertions. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e) || ts.isAwaitExpression(e)) {
      e = e.expression;
    } else {
      return e;
    }
  }
}

/** The name of a property access or a string-keyed element access: `a.b` → "b", `a['b']` → "b". */
export function memberName(expr: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) return expr.argumentExpression.text;
  return undefined;
}

/** The receiver of a member call: `a.b(...)` → `a`. */
export function calleeObject(call: ts.CallExpression | ts.NewExpression): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) return callee.expression;
  return undefined;
}

/** The called name: `f()` → "f", `a.b.c()` → "c". */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return memberName(callee);
}

/** `a.b.c` → "a.b.c"; undefined when any part is not a plain name (`this` counts as one). */
export function dottedName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  const name = memberName(e);
  if (name !== undefined && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) {
    const base = dottedName(e.expression);
    return base === undefined ? undefined : `${base}.${name}`;
  }
  return undefined;
}

export function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteralLike] } {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0])
  );
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The nearest enclosing function, or undefined at the top level. */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n)) return n;
  return undefined;
}

/** Declared `async` (a function, method or arrow). */
export function isAsyncFunction(fn: ts.Node): boolean {
  return ts.canHaveModifiers(fn) && (ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false);
}

/** `await` is allowed here: the nearest function is async (top-level await is left alone: not every module allows it). */
export function canAwait(node: ts.Node): boolean {
  const fn = enclosingFunction(node);
  return fn !== undefined && isAsyncFunction(fn);
}

/** The property named `name` in an object literal, if written plainly. */
export function objectProperty(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => {
    const n = p.name;
    return n !== undefined && (ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text === name;
  });
}

/** `const x = …` (and `for (const x of …)`): a binding that keeps the value it was declared with. */
export function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The text of a string literal or a no-substitution template. */
export function stringText(node: ts.Node | undefined): string | undefined {
  return node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;
}

/** Indentation (spaces and tabs) of the line `pos` is on. */
export function lineIndent(sourceFile: ts.SourceFile, pos: number): string {
  const text = sourceFile.text;
  let start = pos;
  while (start > 0 && text[start - 1] !== '\n') start--;
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** The names a member path reads from its root identifier (`req.query['f']`: `req`, `['query', 'f']`); undefined for a computed key. */
export function memberChain(e: ts.Expression): { root: ts.Identifier; names: string[] } | undefined {
  const names: string[] = [];
  let x = unwrap(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) {
    const name = ts.isPropertyAccessExpression(x) ? x.name.text : ts.isStringLiteralLike(x.argumentExpression) ? x.argumentExpression.text : undefined;
    if (name === undefined) return undefined;
    names.unshift(name);
    x = unwrap(x.expression);
  }
  return names.length > 0 && ts.isIdentifier(x) ? { root: x, names } : undefined;
}
