/**
 * What a random value becomes, told by the nearest name it is given on the way up the tree: the variable or
 * property it is stored in, the target it is assigned to, the function that returns it, or the cookie it is
 * set as. Arithmetic, string building and calls on the way keep the value; a comparison (`Math.random() < 0.5`)
 * turns it into a coin flip, which names nothing.
 */
import * as ts from 'typescript';
import { calleeName, enclosingFunction, memberName, stringText } from '../../facts/syntax';

export interface RandomnessPurpose {
  /** The name that tells the purpose: `resetToken`, `generateOtp`, the cookie's `sid`. */
  name: string;
}

/** Names of accumulators and temporaries: the purpose is told by the function that builds them. */
const genericNames = /^(result|res|ret|out|output|str|string|s|r|rand|random|rnd|value|val|v|text|txt|chars?|buf|buffer|tmp|temp|acc|part|parts|piece|n|num|number|digits?|c|x|code|pin|id)$/i;

const valueKeeping = new Set([
  ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken, ts.SyntaxKind.BarToken, ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken,
]);
const assignments = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return memberName(node);
  return undefined;
}

/** The name a function is known by: its own, or the variable, property or export it is assigned to. */
function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name) return nameOf(fn.name);
  const p = fn.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return nameOf(p.name);
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return nameOf(p.left);
  return undefined;
}

function purposeFrom(name: string | undefined, at: ts.Node): RandomnessPurpose | undefined {
  if (name === undefined) return undefined;
  if (!genericNames.test(name)) return { name };
  const fn = enclosingFunction(at);
  const fnName = fn && functionName(fn);
  return { name: fnName ?? name };
}

export function randomnessPurpose(random: ts.CallExpression): RandomnessPurpose | undefined {
  let n: ts.Node = random;
  for (let depth = 0; depth < 24; depth++) {
    const p: ts.Node | undefined = n.parent;
    if (!p) return undefined;
    if (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) return p.initializer === n ? purposeFrom(nameOf(p.name), p) : undefined;
    if (ts.isPropertyAssignment(p)) return p.initializer === n ? purposeFrom(nameOf(p.name), p) : undefined;
    if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === n)) {
      const fn = ts.isArrowFunction(p) ? p : enclosingFunction(p);
      // A callback's result becomes the call's: `tpl.replace(/x/g, () => …)`, `Array.from({ length }, () => …)`.
      if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.expression !== fn) {
        n = fn.parent;
        continue;
      }
      return purposeFrom(fn && functionName(fn), p);
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (assignments.has(op)) return p.right === n ? purposeFrom(nameOf(p.left), p) : undefined;
      if (!valueKeeping.has(op)) return undefined;
    } else if (ts.isConditionalExpression(p)) {
      if (p.condition === n) return undefined;
    } else if (ts.isCallExpression(p)) {
      // `res.cookie('sid', value)`, `reply.setCookie('session', value)`: the cookie's name tells.
      const name = calleeName(p);
      if ((name === 'cookie' || name === 'setCookie') && p.arguments[1] === n) return purposeFrom(stringText(p.arguments[0]), p);
    } else if (
      !ts.isParenthesizedExpression(p) &&
      !ts.isTemplateSpan(p) &&
      !ts.isTemplateExpression(p) &&
      !ts.isPropertyAccessExpression(p) &&
      !ts.isElementAccessExpression(p) &&
      !ts.isArrayLiteralExpression(p) &&
      !ts.isSpreadElement(p) &&
      !ts.isPrefixUnaryExpression(p) &&
      !ts.isAsExpression(p) &&
      !ts.isNonNullExpression(p) &&
      !ts.isNewExpression(p)
    ) {
      return undefined;
    }
    n = p;
  }
  return undefined;
}
