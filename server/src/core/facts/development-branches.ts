/**
 * Code that runs only in development: the branch of an `if` or `?:` on `NODE_ENV` (or an `isDev` /
 * `isProduction` flag) that production never takes. Settings there (a permissive CORS policy, a cookie
 * without `Secure` for plain-HTTP localhost) are deliberate and do not reach users.
 */
import * as ts from 'typescript';
import { unwrap } from './syntax';

const productionWords = /^(prod|production)$/i;
const developmentWords = /^(dev|develop|development|local|test|testing)$/i;
const developmentFlags = /^(is)?(dev|development|local|debug)(mode|env)?$|^__DEV__$/i;
const productionFlags = /^(is)?(prod|production)(mode|env)?$/i;

/**
 * What a condition being true says about the environment: `dev` (only in development), `prod` (only in
 * production), or undefined when it is not about the environment.
 */
function environmentWhenTrue(cond: ts.Expression): 'dev' | 'prod' | undefined {
  const c = unwrap(cond);
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return flip(environmentWhenTrue(c.operand));
  if (ts.isIdentifier(c) || ts.isPropertyAccessExpression(c)) {
    const name = ts.isIdentifier(c) ? c.text : c.name.text;
    if (developmentFlags.test(name)) return 'dev';
    if (productionFlags.test(name)) return 'prod';
    return undefined;
  }
  if (!ts.isBinaryExpression(c)) return undefined;
  const op = c.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !unequal) return undefined;
  const literal = ts.isStringLiteralLike(c.right) ? c.right : ts.isStringLiteralLike(c.left) ? c.left : undefined;
  const other = literal === c.right ? c.left : c.right;
  if (!literal || !/NODE_ENV|\bENV\b|environment/i.test(other.getText())) return undefined;
  const when = productionWords.test(literal.text) ? 'prod' : developmentWords.test(literal.text) ? 'dev' : undefined;
  return equal ? when : flip(when);
}

function flip(env: 'dev' | 'prod' | undefined): 'dev' | 'prod' | undefined {
  return env === 'dev' ? 'prod' : env === 'prod' ? 'dev' : undefined;
}

/** Whether `node` runs only in development, by an enclosing branch on the environment. */
export function inDevelopmentOnlyBranch(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let n = node.parent; n && !ts.isSourceFile(n); child = n, n = n.parent) {
    const branch = ts.isIfStatement(n)
      ? { cond: n.expression, whenTrue: n.thenStatement, whenFalse: n.elseStatement }
      : ts.isConditionalExpression(n)
        ? { cond: n.condition, whenTrue: n.whenTrue, whenFalse: n.whenFalse }
        : undefined;
    if (!branch || child === branch.cond) continue;
    const env = environmentWhenTrue(branch.cond);
    if (env === undefined) continue;
    const taken = child === branch.whenTrue ? env : flip(env);
    if (taken === 'dev') return true;
  }
  return false;
}
