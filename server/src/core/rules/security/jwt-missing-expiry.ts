import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import { objectProperty, unwrap } from '../../facts/syntax';
import { addPropertyEdit, insertArgumentEdit } from '../../fixers/object-property';
import type { Facts } from '../../facts/facts';
import { jwtCallOf } from '../../facts/jwt-calls';
import { jsonwebtokenGlobalName } from '../../catalog';

const expiry = "'1h'";
/** An `exp` claim an hour from now, in the seconds JWTs count in. */
const expClaim = 'exp: Math.floor(Date.now() / 1000) + 60 * 60';

/** A jsonwebtoken `sign` call: through the module, a named `sign` import, or an unresolved `jwt` global. */
function isJsonwebtokenSign(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (name !== 'sign') return false;
  const ref = facts.libraryOf(callee);
  if (ref) return ref.library === 'jsonwebtoken' && ref.isModule;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  // A snippet whose import is elsewhere: `jwt.sign` on a name nothing in the file declares.
  return jsonwebtokenGlobalName.test(callee.expression.text) && facts.resolve(callee.expression) === undefined;
}

/** An object literal the expression is, or a `const` bound to one. */
function objectLiteralOf(expr: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isObjectLiteralExpression(unwrap(decl.initializer))) {
      return unwrap(decl.initializer) as ts.ObjectLiteralExpression;
    }
  }
  return undefined;
}

function hasSpread(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isSpreadAssignment(p));
}

export const jwtMissingExpiry: Rule = {
  meta: {
    id: 'jwt-missing-expiry',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'JWT signed without an expiry',
    description:
      'A token with no expiry is valid forever: once leaked (a log, a browser extension, a stolen laptop) it cannot be revoked without rotating the secret. Give every token a lifetime.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-613', 'OWASP A07:2021', 'OWASP JWT Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    return {
      CallExpression(call) {
        if (!isJsonwebtokenSign(call, facts)) {
          // hono/jwt's `sign(payload, secret, alg)` takes no options: the expiry is the payload's `exp`.
          const jc = jwtCallOf(call, facts);
          if (jc?.fn.library !== 'hono-jwt' || jc.fn.operation !== 'sign') return;
          const payload = objectLiteralOf(call.arguments[jc.fn.subjectArgument], facts);
          if (!payload || hasSpread(payload) || objectProperty(payload, 'exp')) return;
          context.report({
            at: call.expression,
            message: 'This JWT is signed without an `exp` claim, so it never expires: a leaked token stays valid forever. Add `exp` to the payload (seconds since the epoch, for example an hour from now).',
            fixes: [{ title: 'Add expiry', safe: false, edits: [addPropertyEdit(sourceFile, payload, expClaim)] }],
          });
          return;
        }
        const [payloadArg, secretArg, optionsArg] = call.arguments;
        if (!payloadArg || !secretArg) return;
        const payload = objectLiteralOf(payloadArg, facts);
        // String payloads cannot carry an expiry, and an unknown payload may already hold `exp`.
        if (!payload || hasSpread(payload) || objectProperty(payload, 'exp')) return;
        const optionsIsCallback = optionsArg !== undefined && (ts.isArrowFunction(optionsArg) || ts.isFunctionExpression(optionsArg));
        const options = optionsIsCallback ? undefined : objectLiteralOf(optionsArg, facts);
        if (optionsArg && !optionsIsCallback && (!options || hasSpread(options))) return;
        if (options && objectProperty(options, 'expiresIn')) return;

        const fix: OffsetFix = {
          title: 'Add expiry',
          safe: false,
          edits: [options ? addPropertyEdit(sourceFile, options, `expiresIn: ${expiry}`) : insertArgumentEdit(call, 2, `{ expiresIn: ${expiry} }`)],
        };
        context.report({
          at: call.expression,
          message:
            'This JWT is signed without `expiresIn` or an `exp` claim, so it never expires: a leaked token stays valid forever. Add `expiresIn` (for example \'1h\').',
          fixes: [fix],
        });
      },
      NewExpression(node) {
        const ref = facts.libraryOf(node.expression);
        if (!ref || ref.library !== 'jose' || ref.exportName !== 'SignJWT') return;
        const payload = objectLiteralOf(node.arguments?.[0], facts);
        if (payload && (hasSpread(payload) || objectProperty(payload, 'exp'))) return;
        // Follow the builder chain: new SignJWT(p).setProtectedHeader(…).sign(key)
        let outer: ts.Expression = node;
        let sign: ts.PropertyAccessExpression | undefined;
        for (;;) {
          const parent: ts.Node = outer.parent;
          if (!ts.isPropertyAccessExpression(parent) || !ts.isCallExpression(parent.parent) || parent.parent.expression !== parent) break;
          if (parent.name.text === 'setExpirationTime') return;
          if (parent.name.text === 'sign') {
            sign = parent;
            break;
          }
          outer = parent.parent;
        }
        if (!sign) return;
        const dot = sign.name.getStart(sourceFile) - 1;
        context.report({
          at: node.expression,
          message:
            'This `SignJWT` token is signed without `setExpirationTime`, so it never expires: a leaked token stays valid forever. Add `.setExpirationTime(\'1h\')`.',
          fixes: [{ title: 'Add expiry', safe: false, edits: [{ start: dot, end: dot, text: `.setExpirationTime(${expiry})` }] }],
        });
      },
    };
  },
};
