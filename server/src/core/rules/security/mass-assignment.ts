import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { RequestOrigin } from '../../facts/request-data';
import { valuesWrittenBy } from '../../facts/written-values';
import { bodySchemaOf } from '../../facts/routes';
import { calleeName, enclosingFunction, unwrap } from '../../facts/syntax';
import { preorder } from '../../traverse';

/**
 * Sources that are a whole request body, not one field of it: `req.body`, `ctx.request.body`,
 * `await request.json()`, `c.req.json()`, `c.req.parseBody()`, an untyped NestJS `@Body()`.
 */
const wholeBody = /^(\w+\.body|\w+\.request\.body|[\w.]+\.(json|parseBody)\(\)|@Body\(\) \w+)$/;
/** Calls that check a value against a schema: Joi and yup reject or strip unknown keys, zod's result is what passes. */
const validatingCall = /^(validate\w*|parse|safeParse|parseAsync|safeParseAsync|assert\w*|check\w*|is\w*Valid\w*|sanitize\w*|plainToInstance|plainToClass|transformAndValidate)$/;
/** Route middleware that validates the body first. */
const validatingMiddleware = /valid|celebrate|schema|sanitiz|whitelist|dto/i;
/** Parameter types that say nothing about the body's fields. */
const looseTypes = /^(any|unknown|object|Object|Record|Partial|\{\})\b/;

/** The whole-body origin `expr` carries, if it is the whole body (or the whole form of a server action). */
function bodyOrigin(expr: ts.Expression, facts: Facts): RequestOrigin | undefined {
  const e = unwrap(expr);
  // A rest binding (`const { role, ...rest } = req.body`) leaves out the fields the author chose.
  if (ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    if (decl && ts.isBindingElement(decl) && decl.dotDotDotToken) return undefined;
    if (decl && ts.isParameter(decl) && decl.type && !looseTypes.test(decl.type.getText())) return undefined;
  }
  if (ts.isCallExpression(e) && e.expression.getText() === 'Object.fromEntries' && e.arguments[0]) {
    const form = facts.requestOrigin(e.arguments[0]);
    return form && { source: `Object.fromEntries(${form.source})` };
  }
  const origin = facts.requestOrigin(e);
  return origin && wholeBody.test(origin.source) ? origin : undefined;
}

/** Whether the function validates the body with a schema, or its route runs validation middleware or declares a body schema. */
function validated(fn: ts.FunctionLikeDeclaration, origin: RequestOrigin, facts: Facts): boolean {
  for (const route of facts.routes) {
    if (route.handler !== fn) continue;
    if (bodySchemaOf(route) || route.middleware.some((m) => validatingMiddleware.test(m.getText().slice(0, 80)))) return true;
  }
  let found = false;
  preorder(fn.body ?? fn, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name && validatingCall.test(name) && n.arguments.some((a) => facts.requestOrigin(a)?.source === origin.source)) found = true;
    }
    return true;
  });
  return found;
}

/** The fields the function reads from the body by name: `req.body.title`, `const { title } = req.body`. */
function namedFields(fn: ts.FunctionLikeDeclaration, origin: RequestOrigin, facts: Facts): string[] {
  const fields = new Set<string>();
  preorder(fn.body ?? fn, (n) => {
    if (ts.isPropertyAccessExpression(n) && !ts.isCallExpression(n.parent) && facts.requestOrigin(n.expression)?.source === origin.source && /^[A-Za-z_$][\w$]*$/.test(n.name.text)) {
      fields.add(n.name.text);
    }
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && facts.requestOrigin(n.initializer)?.source === origin.source) {
      for (const el of n.name.elements) {
        const key = el.propertyName ?? el.name;
        if (!el.dotDotDotToken && ts.isIdentifier(key)) fields.add(key.text);
      }
    }
    return true;
  });
  return [...fields];
}

function listedFieldsFix(at: ts.Expression | ts.SpreadAssignment, body: ts.Expression, fields: readonly string[]): OffsetFix | undefined {
  const e = unwrap(body);
  // Only a name or a property chain can be read again per field without running anything twice.
  if (fields.length === 0 || !(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) || /\(/.test(e.getText())) return undefined;
  const text = fields.map((f) => `${f}: ${e.getText()}.${f}`).join(', ');
  return {
    title: 'Write only the fields this handler names',
    safe: false,
    edits: [{ start: at.getStart(), end: at.getEnd(), text: ts.isSpreadAssignment(at) ? text : `{ ${text} }` }],
  };
}

export const massAssignment: Rule = {
  meta: {
    id: 'mass-assignment',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Whole request body written to a database record',
    description:
      'Writing the request body as it came lets a client set any field the record has: `role`, `isAdmin`, `ownerId`, `balance`, `emailVerified`. Write the fields the endpoint means to change, or validate with a schema that drops unknown keys.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-915', 'OWASP API3:2023', 'OWASP Mass Assignment Cheat Sheet'],
  },
  create(context) {
    const { facts } = context;
    const check = (node: ts.CallExpression | ts.NewExpression): void => {
      const write = valuesWrittenBy(node, facts);
      if (!write) return;
      for (const value of write.values) {
        const v = unwrap(value);
        const candidates: [ts.Expression | ts.SpreadAssignment, ts.Expression][] = ts.isObjectLiteralExpression(v)
          ? v.properties.filter(ts.isSpreadAssignment).map((s) => [s, s.expression])
          : ts.isArrayLiteralExpression(v) ? v.elements.map((x) => [x, ts.isSpreadElement(x) ? x.expression : x]) : [[value, value]];
        for (const [at, body] of candidates) {
          const origin = bodyOrigin(body, facts);
          const fn = enclosingFunction(node);
          if (!origin || !fn || validated(fn, origin, facts)) continue;
          const fix = listedFieldsFix(at, body, namedFields(fn, origin, facts));
          const how = write.method === 'new' ? `\`new ${write.target}\`` : write.method === 'Object.assign' ? `\`Object.assign\` into \`${write.target}\`` : `\`${write.target}.${write.method}\``;
          context.report({
            at,
            message: `The whole request body (\`${origin.source}\`) is written by ${how}: a client can set any field the record has (\`role\`, \`isAdmin\`, \`ownerId\`, \`balance\`). Write the fields this endpoint means to change, or validate with a schema that drops unknown keys.`,
            fixes: fix ? [fix] : [],
          });
          return;
        }
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};
