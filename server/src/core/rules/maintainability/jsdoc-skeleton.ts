/**
 * The JSDoc comment undocumented-export's fix writes: one `@param` per parameter and a `@returns`, with the type
 * read from a default value (`= 10` → number) or an obvious use in the body (`name.trim()` → string), and `*`
 * where neither says.
 */
import * as ts from 'typescript';
import { type Facts, factKey } from '../../facts/facts';
import { isAsyncFunction } from '../../facts/syntax';
import { preorder, preorderBelow } from '../../traverse';

const stringMethods = new Set(['trim', 'toLowerCase', 'toUpperCase', 'split', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'charAt', 'localeCompare', 'normalize']);
const arrayMethods = new Set(['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'flatMap', 'push', 'join']);

function typeOfValue(expr: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return 'string';
  if (ts.isNumericLiteral(expr) || (ts.isPrefixUnaryExpression(expr) && ts.isNumericLiteral(expr.operand))) return 'number';
  if (expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  if (ts.isArrayLiteralExpression(expr)) return 'Array';
  if (ts.isObjectLiteralExpression(expr)) return 'Object';
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return 'Function';
  if (ts.isNewExpression(expr) && ts.isIdentifier(expr.expression)) return expr.expression.text;
  return undefined;
}

/** A type the body's use of `name` makes plain: a string or array method called on it. */
function typeOfUse(name: string, body: ts.Node | undefined): string | undefined {
  let found: string | undefined;
  if (!body) return found;
  preorder(body, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === name) {
      const method = n.expression.name.text;
      if (stringMethods.has(method)) found = 'string';
      else if (arrayMethods.has(method)) found = 'Array';
    }
    return found === undefined;
  });
  return found;
}

function paramLines(param: ts.ParameterDeclaration, root: string, body: ts.Node | undefined, source: ts.SourceFile): string[] {
  const rest = param.dotDotDotToken !== undefined;
  if (!ts.isIdentifier(param.name)) {
    const lines = [`@param {Object} ${root}`];
    for (const element of param.name.elements) {
      if (!ts.isBindingElement(element) || !ts.isIdentifier(element.name)) continue;
      const type = element.initializer ? typeOfValue(element.initializer) : undefined;
      const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      lines.push(`@param {${type ?? '*'}} ${element.initializer ? `[${root}.${key}]` : `${root}.${key}`}`);
    }
    return lines;
  }
  const name = param.name.text;
  const type = (param.initializer && typeOfValue(param.initializer)) ?? typeOfUse(name, body) ?? '*';
  const initial = param.initializer?.getText(source);
  const shown = initial !== undefined && initial.length <= 30 && !initial.includes('\n') ? `[${name}=${initial}]` : param.initializer || param.questionToken ? `[${name}]` : name;
  return [`@param {${rest ? `...${type}` : type}} ${shown}`];
}

function returnLine(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(fn) || !fn.body) return undefined;
  const values: ts.Expression[] = [];
  if (!ts.isBlock(fn.body)) values.push(fn.body);
  else {
    preorderBelow(fn.body, (n) => {
      if (ts.isReturnStatement(n) && n.expression) values.push(n.expression);
      else return !ts.isFunctionLike(n);
      return false;
    });
  }
  const types = new Set(values.map((v) => typeOfValue(v) ?? '*'));
  const type = types.size === 1 ? [...types][0] : '*';
  if (isAsyncFunction(fn)) return `@returns {Promise<${values.length === 0 ? 'void' : type}>}`;
  return values.length === 0 ? undefined : `@returns {${type}}`;
}

/**
 * The comment text, indented to sit on its own lines above a declaration at `indent`. Its lines are read from the
 * function's own text, so they are kept across edits that leave the function (Facts.memoText).
 */
export function jsdocSkeleton(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile, indent: string, facts: Facts): string {
  const lines = facts.memoText(skeletonLinesFact, fn, () => skeletonLines(fn, source));
  return `/**\n${lines.map((l) => `${indent} * ${l}\n`).join('')}${indent} */\n${indent}`;
}

const skeletonLinesFact = factKey<readonly string[]>('jsdoc-skeleton-lines');

function skeletonLines(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile): string[] {
  // Destructured parameters need a name in JSDoc: `options`, or `options1`, `options2` when there are several.
  const patterns = fn.parameters.filter((p) => !ts.isIdentifier(p.name));
  const lines = fn.parameters.flatMap((p) => paramLines(p, patterns.length > 1 ? `options${patterns.indexOf(p) + 1}` : 'options', fn.body, source));
  const returns = returnLine(fn);
  if (returns) lines.push(returns);
  return lines;
}
