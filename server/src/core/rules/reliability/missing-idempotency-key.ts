import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import type { OffsetEdit, Rule } from '../../rule';
import { dottedName, enclosingFunction, objectProperty, unwrap } from '../../facts/syntax';
import { addPropertyEdit, insertArgumentEdit } from '../../fixers/object-property';
import { adyen, idempotencyKeyOptions, stripe } from '../../catalog';

/** The name the fix gives the key: the option every payment SDK reads. */
const keyName = idempotencyKeyOptions[0];

interface PaymentCall {
  /** `stripe.paymentIntents.create`, as written. */
  callee: string;
  effect: string;
}

function isStripeClient(expr: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(expr);
  if (ref && ref.library === stripe.id) return true;
  // A client made in the project's own module (`import { stripe } from '@/lib/stripe'`) or injected untyped.
  if (ref && !stripe.wrapperModule.test(ref.module)) return false;
  const name = dottedName(expr) ?? '';
  return stripe.clientName.test(name.slice(name.lastIndexOf('.') + 1));
}

/** Created unconfirmed, a retry makes a second object to pay; with the confirming option it moves the money at once. */
function confirmsAtOnce(call: ts.CallExpression, facts: Facts): boolean {
  const params = call.arguments[0] && optionsLiteral(call.arguments[0], facts);
  const confirm = params && objectProperty(params, stripe.confirmation.option);
  return confirm !== undefined && ts.isPropertyAssignment(confirm) && confirm.initializer.kind === ts.SyntaxKind.TrueKeyword;
}

function paymentCall(call: ts.CallExpression, facts: Facts): PaymentCall | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = unwrap(callee.expression);
  if (method === 'create') {
    if (!ts.isPropertyAccessExpression(receiver) || !Object.prototype.hasOwnProperty.call(stripe.moneyResources, receiver.name.text)) return undefined;
    if (!isStripeClient(receiver.expression, facts)) return undefined;
    const resource = receiver.name.text;
    const unconfirmed = resource === stripe.confirmation.resource && !confirmsAtOnce(call, facts);
    return { callee: callee.getText(), effect: unconfirmed ? stripe.confirmation.unconfirmedEffect : stripe.moneyResources[resource] };
  }
  if (Object.prototype.hasOwnProperty.call(adyen.moneyMethods, method) && facts.libraryOf(receiver)?.library === adyen.id) {
    return { callee: callee.getText(), effect: adyen.moneyMethods[method] };
  }
  return undefined;
}

/** The options object literal an argument is, or a `const` bound to one. */
function optionsLiteral(expr: ts.Expression, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

function hasKey(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isSpreadAssignment(p)) || idempotencyKeyOptions.some((k) => objectProperty(obj, k) !== undefined);
}

interface KeySource {
  /** The property to add to the options: `idempotencyKey` or `idempotencyKey: req.headers['idempotency-key']`. */
  property: string;
  edits: OffsetEdit[];
}

function isTypeScript(sourceFile: ts.SourceFile): boolean {
  return /\.[cm]?tsx?$/.test(sourceFile.fileName);
}

/** The client's `Idempotency-Key` header, in a request handler: the key belongs to the request being retried. */
function headerKey(fn: ts.FunctionLikeDeclaration, facts: Facts): string | undefined {
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name) || !facts.isRequestParameter(first)) return undefined;
  const req = first.name.text;
  const route = facts.routes.find((r) => r.handler === fn);
  const typeName = first.type && ts.isTypeReferenceNode(first.type) ? first.type.typeName.getText() : '';
  if (route?.framework === 'hono' || (req === 'c' && fn.parameters.length === 1)) return `${req}.req.header('Idempotency-Key')`;
  if (route?.framework === 'koa' || req === 'ctx') return `${req}.get('Idempotency-Key')`;
  if (route?.framework === 'next' || (/^(NextRequest|Request)$/.test(typeName) && fn.parameters.length === 1)) return `${req}.headers.get('Idempotency-Key')`;
  if (req !== 'req' && req !== 'request') return undefined;
  return fn.parameters.length >= 2 || route ? `${req}.headers['idempotency-key']` : undefined;
}

/** Whether the function is a callback handed to someone else, whose parameters are not ours to add. */
function isCallback(fn: ts.FunctionLikeDeclaration): boolean {
  const p: ts.Node = fn.parent;
  const args: readonly ts.Node[] = ts.isCallExpression(p) || ts.isNewExpression(p) ? (p.arguments ?? []) : [];
  return args.includes(fn);
}

/** A new `idempotencyKey` parameter: into a lone destructured parameter, else appended. */
function newParameter(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): OffsetEdit[] | undefined {
  if (isCallback(fn)) return undefined;
  const params = fn.parameters;
  const last = params[params.length - 1];
  const ts_ = isTypeScript(sourceFile);
  if (params.length === 1 && ts.isObjectBindingPattern(last.name) && !last.type && !last.initializer && !ts_) {
    const elements = last.name.elements;
    if (elements.some((e) => e.dotDotDotToken)) return undefined;
    const end = elements.length > 0 ? elements[elements.length - 1].getEnd() : last.name.getStart(sourceFile) + 1;
    return [{ start: end, end, text: elements.length > 0 ? `, ${keyName}` : ` ${keyName} ` }];
  }
  if (last?.dotDotDotToken) return undefined;
  const optional = params.some((p) => p.questionToken !== undefined || p.initializer !== undefined);
  const declared = ts_ ? `${keyName}${optional ? '?' : ''}: string` : keyName;
  if (last) {
    // `order => …`: an arrow's lone bare parameter needs parentheses once it has company.
    const bare = ts.isArrowFunction(fn) && sourceFile.text[fn.getStart(sourceFile)] !== '(' && !fn.modifiers?.length;
    if (bare) return [{ start: last.getStart(sourceFile), end: last.getEnd(), text: `(${last.getText(sourceFile)}, ${declared})` }];
    return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${declared}` }];
  }
  const open = sourceFile.text.indexOf('(', fn.name ? fn.name.getEnd() : fn.getStart(sourceFile));
  return open === -1 ? undefined : [{ start: open + 1, end: open + 1, text: declared }];
}

function keySource(call: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile): KeySource | undefined {
  if (facts.resolveName(keyName, call) !== undefined) return { property: keyName, edits: [] };
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  const header = headerKey(fn, facts);
  if (header) return { property: `${keyName}: ${header}`, edits: [] };
  const edits = newParameter(fn, sourceFile);
  return edits ? { property: keyName, edits } : undefined;
}

/** Merges the key into inline options, spreads shared ones (`{ ...opts, idempotencyKey }`), or adds the argument. */
function optionsEdit(call: ts.CallExpression, arg: ts.Expression | undefined, inline: ts.ObjectLiteralExpression | undefined, property: string, sourceFile: ts.SourceFile): OffsetEdit {
  if (inline) return addPropertyEdit(sourceFile, inline, property);
  if (arg) return { start: arg.getStart(sourceFile), end: arg.getEnd(), text: `{ ...${arg.getText(sourceFile)}, ${property} }` };
  return insertArgumentEdit(call, 1, `{ ${property} }`);
}

export const missingIdempotencyKey: Rule = {
  meta: {
    id: 'missing-idempotency-key',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Payment call without an idempotency key',
    description:
      'Networks time out, users double-click and job queues redeliver: a payment request that is retried without an idempotency key is executed twice, and the customer is charged twice. Pass a key derived from the order or the client request.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-837', 'Stripe API: Idempotent requests', 'Adyen API idempotency'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    return {
      CallExpression(call) {
        const callee = call.expression;
        // Cheap first: the method name, before any name resolution.
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        if (method !== 'create' && !Object.prototype.hasOwnProperty.call(adyen.moneyMethods, method)) return;
        if (call.arguments.length === 0) return;
        const payment = paymentCall(call, facts);
        if (!payment) return;
        const optionsArg = call.arguments[1];
        const options = optionsArg ? optionsLiteral(optionsArg, facts) : undefined;
        // Options built elsewhere may carry the key: stay quiet rather than guess.
        if (optionsArg && (!options || hasKey(options))) return;
        const inline = optionsArg !== undefined && options !== undefined && unwrap(optionsArg) === options;

        const source = keySource(call, facts, sourceFile);
        const fixes = source
          ? [{
              title: 'Add idempotency key',
              safe: false,
              edits: [...source.edits, optionsEdit(call, optionsArg, inline ? options : undefined, source.property, sourceFile)],
            }]
          : [];
        context.report({
          at: call.expression,
          message: `\`${payment.callee}\` is called without an idempotency key: when this request is retried (a timeout, a double click, a redelivered job) it ${payment.effect}. Pass \`{ idempotencyKey }\` as the request options, derived from the order or the client's Idempotency-Key header.`,
          fixes,
        });
      },
    };
  },
};
