/**
 * Request fields a route validates before its handler runs, express-validator style:
 * `router.post('/', check('email').isEmail(), async (req, res) => { if (!validationResult(req).isEmpty()) return … })`.
 * A field that passed a format validator is text of that format: an object such as `{ "$ne": null }` fails it
 * (validators test the value's string form, `[object Object]`), and the handler has stopped by then.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { calleeName, unwrap } from './syntax';

/** express-validator's chain starters, each naming the field it checks. */
const chainStarters = new Set(['check', 'body', 'query', 'param', 'cookie', 'header']);
/** Validators that only strings of a format pass; `exists`, `notEmpty` and `optional` let an object through. */
const formatValidators = /^(isEmail|isString|isInt|isFloat|isNumeric|isDecimal|isMongoId|isUUID|isAlpha|isAlphanumeric|isBoolean|isDate|isISO8601|isIn|isURL|isSlug|isHexadecimal|isJWT|isStrongPassword|isMobilePhone|isPostalCode|matches)$/;
const validatorModule = 'express-validator';

/** Whether the route whose handler holds `node` checks `field` with a format validator and stops on errors. */
export function isValidatedField(node: ts.Node, field: string, facts: Facts): boolean {
  if (!facts.imports.some((i) => i.module === validatorModule || i.module.startsWith(`${validatorModule}/`))) return false;
  const route = facts.routes.find((r) => r.handler !== undefined && contains(r.handler, node));
  if (!route?.handler || !route.handler.getText(facts.sourceFile).includes('validationResult(')) return false;
  return route.middleware.some((m) => checksField(m, field));
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** `check('email').isEmail()`, or a list of such chains. */
function checksField(expr: ts.Expression, field: string): boolean {
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e)) return e.elements.some((x) => checksField(x, field));
  let formatted = false;
  for (let link: ts.Expression = e; ts.isCallExpression(link); ) {
    const callee = unwrap(link.expression);
    if (ts.isIdentifier(callee)) {
      const first = link.arguments[0];
      return formatted && chainStarters.has(callee.text) && first !== undefined && ts.isStringLiteralLike(first) && first.text === field;
    }
    if (!ts.isPropertyAccessExpression(callee)) return false;
    if (formatValidators.test(calleeName(link) ?? '')) formatted = true;
    link = unwrap(callee.expression);
  }
  return false;
}
