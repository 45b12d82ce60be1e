/** What to call a function in a message: its own name, the name it is bound to, or what it is. */
import * as ts from 'typescript';

function nameText(name: ts.Node | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

export function describeFunction(fn: ts.Node): string {
  if (ts.isSourceFile(fn)) return 'The top-level code';
  if (ts.isClassStaticBlockDeclaration(fn)) return 'This static block';
  if (ts.isConstructorDeclaration(fn)) return 'This constructor';
  const own = (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn) || ts.isAccessor(fn)) ? nameText(fn.name) : undefined;
  if (own) return `\`${own}\``;
  const parent = fn.parent;
  const bound =
    parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn
      ? nameText(parent.name)
      : undefined;
  if (bound) return `\`${bound}\``;
  return ts.isCallExpression(parent) || ts.isNewExpression(parent) ? 'This callback' : 'This function';
}
