import * as ts from 'typescript';
import type { Rule } from '../../rule';
import { calleeName, dottedName, memberName, unwrap } from '../../facts/syntax';
import { isPaymentApiAmountName, moneyNameKind } from '../../facts/money-names';
import { isPaymentApiValue } from '../../facts/payment-values';
import { nameWords } from '../../facts/password-names';
import type { Facts } from '../../facts/facts';
import { isDecimalModule } from '../../catalog';
const arithmetic = new Set([ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken]);
const accumulate = new Set([ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.MinusEqualsToken]);
const scale = new Set([ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.SlashEqualsToken]);
const integerRounding = new Set(['round', 'floor', 'ceil', 'trunc']);
/** Calls that only format an amount for people to read. */
const formatters = /^(format|formatToParts|toLocaleString|format(Money|Currency|Price|Amount)\w*|currencyFormat\w*)$/;
/** Stripe objects whose `.amount` is in minor units: `paymentIntent.amount`, `charge.amount`, `event.data.object.amount`. */
const paymentObjectWords = new Set(['intent', 'pi', 'charge', 'refund', 'invoice', 'payout', 'transfer', 'session', 'stripe', 'object', 'transaction', 'txn']);
/** Names of a rate applied to an amount: `taxRate`, `discountPercent`, `VAT_RATE`. */
const rateWords = new Set(['rate', 'percent', 'percentage', 'pct', 'ratio', 'factor', 'multiplier']);
const powersOfTen = new Set(['10', '100', '1000', '10000', '1e2', '1e3', '1e4']);
const currencySymbol = /[$€£¥₹]/;

type Leaf = ts.Expression;

function isParen(node: ts.Node): node is ts.ParenthesizedExpression {
  return ts.isParenthesizedExpression(node);
}

/** The first ancestor that is not a parenthesis. */
function outerParent(node: ts.Node): ts.Node {
  let p = node.parent;
  while (p && isParen(p)) p = p.parent;
  return p;
}

function isArithmetic(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && arithmetic.has(node.operatorToken.kind);
}

/** Generated code chains thousands of `+`; past this many operands an expression is not hand-written money. */
const maxLeaves = 64;

/** The operands of an arithmetic expression, through parentheses and nested `+ - * /`, left to right. */
function leavesOf(expr: ts.Expression): Leaf[] {
  const out: Leaf[] = [];
  const stack: ts.Expression[] = [expr];
  while (stack.length > 0 && out.length <= maxLeaves) {
    let e = stack.pop()!;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (isArithmetic(e)) stack.push(e.right, e.left);
    else out.push(e);
  }
  return out.length > maxLeaves ? [] : out;
}

function nameOf(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  return memberName(e);
}

/**
 * The money an operand carries in major units: `price`, `order.total`, `parseFloat(amount)`, or a local computed
 * from such (`const total = product.price * quantity`).
 */
function majorMoney(expr: ts.Expression, facts: Facts, depth = 0): string | undefined {
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    return (name === 'parseFloat' || name === 'Number') && e.arguments.length === 1 ? majorMoney(e.arguments[0], facts, depth) : undefined;
  }
  const name = nameOf(e);
  if (name === undefined || isPaymentApiAmountName(name)) return undefined;
  const kind = moneyNameKind(name);
  // Only names that may hold an unqualified total (`total`, `sum`, `cost`) are followed to their declaration.
  if (kind === undefined && ts.isIdentifier(e) && depth < 2 && /total|sum|cost/i.test(e.text)) {
    const decl = facts.resolve(e);
    const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
    return init && isArithmetic(unwrap(init)) && !leavesOf(init).some(isMinorMoney) && leavesOf(init).some((l) => majorMoney(l, facts, depth + 1) !== undefined) ? e.text : undefined;
  }
  if (kind !== 'major') return undefined;
  if ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && /^amount$/i.test(name)) {
    const receiver = nameOf(e.expression) ?? '';
    if (nameWords(receiver).some((w) => paymentObjectWords.has(w)) || fromPaymentApi(e.expression, facts)) return undefined;
  }
  return e.getText();
}

/**
 * A record a payment API gave back, whose `amount` is in the currency's minor unit:
 * `for await (const item of stripe.invoiceItems.list(…))`, `const refund = await stripe.refunds.retrieve(id)`.
 */
function fromPaymentApi(receiver: ts.Expression, facts: Facts): boolean {
  const e = unwrap(receiver);
  if (!ts.isIdentifier(e)) return false;
  const decl = facts.resolve(e);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isVariableDeclarationList(decl.parent)) return false;
  const loop = decl.parent.parent;
  const source = ts.isForOfStatement(loop) && loop.initializer === decl.parent ? loop.expression : decl.initializer;
  return source !== undefined && ts.isCallExpression(unwrap(source)) && isPaymentApiValue(unwrap(source), facts);
}

function isMinorMoney(expr: ts.Expression): boolean {
  const name = nameOf(expr);
  return name !== undefined && (moneyNameKind(name) === 'minor' || isPaymentApiAmountName(name));
}

function isFractionLiteral(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isNumericLiteral(e) && /\./.test(e.text) && Number(e.text) % 1 !== 0;
}

function isRateName(expr: ts.Expression): boolean {
  const name = nameOf(expr);
  return name !== undefined && nameWords(name).some((w) => rateWords.has(w));
}

function isPowerOfTen(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isNumericLiteral(e) && powersOfTen.has(e.text);
}

function isStringy(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isStringLiteralLike(e) || ts.isTemplateExpression(e);
}

function isMathCall(node: ts.Node, names: ReadonlySet<string>): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = dottedName(node.expression);
  return callee !== undefined && callee.startsWith('Math.') && names.has(callee.slice(5));
}

/** Where an expression's value goes: the variable, property or assignment target it is stored under. */
function targetName(expr: ts.Node): string | undefined {
  const p = outerParent(expr);
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return nameOf(p.left);
  return undefined;
}

/** A value that is only shown: `(x * 1.2).toFixed(2)` into text, `Intl.NumberFormat#format(x)`, a template. */
function isDisplayed(expr: ts.Node): boolean {
  const p = outerParent(expr);
  if (ts.isTemplateSpan(p)) return true;
  if (ts.isPropertyAccessExpression(p) && p.name.text === 'toFixed') return true; // checked as `toFixed` itself
  if (ts.isCallExpression(p) && p.arguments.includes(expr as ts.Expression)) {
    const name = calleeName(p);
    if (name !== undefined && formatters.test(name)) return true;
  }
  return false;
}

/** The accumulator of the `reduce` callback `node` is in: `sum` in `items.reduce((sum, i) => sum + i.price, 0)`. */
function isReduceAccumulator(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return false;
  let fn: ts.Node | undefined = e.parent;
  while (fn && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) {
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isSourceFile(fn)) return false;
    fn = fn.parent;
  }
  if (!fn) return false;
  const first = fn.parameters[0];
  const call = fn.parent;
  return (
    first !== undefined && ts.isIdentifier(first.name) && first.name.text === e.text &&
    ts.isCallExpression(call) && calleeName(call) === 'reduce' && call.arguments[0] === fn
  );
}

const comparisons = new Set([
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);

/** `a.price - b.price` in a sort comparator, `total - paid > 0`: an ordering, not an amount anyone keeps. */
function isComparedOrSorted(node: ts.Expression): boolean {
  const p = outerParent(node);
  if (ts.isBinaryExpression(p) && comparisons.has(p.operatorToken.kind)) return true;
  const fn = ts.isReturnStatement(p) ? p.parent?.parent : p;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  return ts.isCallExpression(call) && /^(sort|toSorted)$/.test(calleeName(call) ?? '');
}

/** `text.replace('$', '')`, anywhere in a chain of `replace` calls. */
function stripsCurrencySymbol(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  for (let i = 0; i < 8 && ts.isCallExpression(e) && /^replace(All)?$/.test(calleeName(e) ?? ''); i++) {
    const pattern = e.arguments[0];
    if (pattern && currencySymbol.test(pattern.getText())) return true;
    const callee = unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    e = unwrap(callee.expression);
  }
  return false;
}

function isTotalName(name: string | undefined): boolean {
  return name !== undefined && nameWords(name).some((w) => w === 'total' || w === 'sum' || w === 'acc' || w === 'accumulator');
}

const alternative = 'Keep amounts as integer cents (for example `Math.round(price * 100)`) and round once, or use a decimal type (decimal.js, big.js, dinero.js).';

export const moneyFloat: Rule = {
  meta: {
    id: 'money-float',
    category: 'reliability',
    defaultSeverity: 'warning',
    title: 'Money computed in binary floating point',
    description:
      'Binary floats cannot hold most decimal amounts (0.1 + 0.2 is 0.30000000000000004; 1.005.toFixed(2) is "1.00"), so sums drift, totals disagree with the line items and payment APIs reject fractional cents. Compute money in integer minor units or with a decimal type.',
    fixable: 'none',
    scope: 'declaration',
    sources: ['CWE-1339', 'CERT NUM04-J'],
  },
  create(context) {
    const { facts } = context;
    const quiet = facts.isTestFile || facts.imports.some((i) => isDecimalModule(i.module));
    if (quiet) return {};

    /** `parseFloat(total.toFixed(2))`, `Number(x.toFixed(2))`, `+price.toFixed(2)`: rounding used as arithmetic. */
    function checkToFixed(call: ts.CallExpression): void {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) return;
      const p = outerParent(call);
      let wrapper: ts.Expression | undefined;
      if (ts.isCallExpression(p) && p.arguments[0] === call && (calleeName(p) === 'parseFloat' || calleeName(p) === 'Number')) wrapper = p;
      else if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken) wrapper = p;
      if (!wrapper) return;
      const money = leavesOf(callee.expression).map((l) => majorMoney(l, facts)).find((m) => m !== undefined);
      const target = targetName(wrapper);
      if (!money && !(target !== undefined && moneyNameKind(target) === 'major')) return;
      context.report({
        at: wrapper,
        message: `\`${wrapper.getText()}\` rounds money by formatting a binary float and parsing it back: \`toFixed\` rounds the float's binary value (1.005.toFixed(2) is "1.00") and the result is a float again. ${alternative}`,
      });
    }

    /** `parseFloat(priceText.replace('$', ''))`: a currency string parsed into a float. */
    function checkParseFloat(call: ts.CallExpression): void {
      const arg = call.arguments[0];
      if (!arg) return;
      const inner = unwrap(arg);
      if (!stripsCurrencySymbol(inner)) return;
      const target = targetName(call);
      if (target !== undefined && moneyNameKind(target) === 'minor') return;
      context.report({
        at: call,
        message: `\`parseFloat\` turns the currency text \`${inner.getText()}\` into a binary float, which cannot hold most amounts exactly. Parse it into integer cents, or into a decimal type (decimal.js, big.js, dinero.js).`,
      });
    }

    function checkArithmetic(node: ts.BinaryExpression): void {
      const op = node.operatorToken.kind;
      const compound = accumulate.has(op) || scale.has(op);
      if (!compound && isArithmetic(outerParent(node))) return; // the outermost expression speaks for the whole
      const leaves = compound ? [node.left, ...leavesOf(node.right)] : leavesOf(node);
      if (leaves.some(isStringy) || leaves.some(isMinorMoney)) return;
      const target = compound ? nameOf(node.left) : targetName(node);
      const targetKind = target === undefined ? undefined : moneyNameKind(target);
      const money = leaves.map((l) => majorMoney(l, facts)).filter((m): m is string => m !== undefined);

      // `price * 100` stored as cents or as a payment API's `amount`, without rounding.
      if (!compound && op === ts.SyntaxKind.AsteriskToken && money.length > 0 && leaves.some(isPowerOfTen) && !isMathCall(outerParent(node), integerRounding)) {
        if (targetKind === 'minor' || (target !== undefined && /^(unit_)?amount$/.test(target) && ts.isPropertyAssignment(outerParent(node)))) {
          context.report({
            at: node,
            message: `\`${node.getText()}\` converts money to minor units without rounding: 19.99 * 100 is 1998.9999999999998, which payment APIs reject or truncate. Round it: \`Math.round(${node.getText()})\`.`,
          });
        }
        return;
      }
      if (targetKind === 'minor' || isDisplayed(node)) return;

      // `Math.round(total * 100) / 100`: rounding to cents that leaves a float.
      if (op === ts.SyntaxKind.SlashToken && isPowerOfTen(node.right)) {
        const left = unwrap(node.left);
        if (isMathCall(left, integerRounding) && left.arguments[0] && leavesOf(left.arguments[0]).some((l) => majorMoney(l, facts) !== undefined)) {
          context.report({
            at: node,
            message: `\`${node.getText()}\` rounds money to cents in binary floating point and gives back a float that is still not exact. ${alternative}`,
          });
          return;
        }
      }
      // Rounded straight to an integer: the amounts are integer units already (`Math.round(subtotal * 1.08)`).
      if (isMathCall(outerParent(node), integerRounding)) return;

      if (money.length > 0 && leaves.some((l) => isFractionLiteral(l) || isRateName(l))) {
        context.report({
          at: node,
          message: `\`${node.getText()}\` applies a rate to money in binary floating point: the result carries fractions of a cent that later sums and comparisons trip over. ${alternative}`,
        });
        return;
      }
      const summing = op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken || accumulate.has(op);
      if (!summing) return;
      if (isComparedOrSorted(node)) return;
      // `budget.remaining -= cost` in a parser is not money; an accumulator named for a total or an amount is.
      const accumulated = accumulate.has(op) && (targetKind === 'major' || isTotalName(target)) && leavesOf(node.right).some((l) => majorMoney(l, facts) !== undefined);
      const reduced = !compound && leaves.some(isReduceAccumulator) && money.length > 0;
      const sum = !compound && money.length >= 2 && (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken);
      if (accumulated || reduced || sum) {
        context.report({
          at: node,
          message: `\`${node.getText()}\` adds up money in binary floating point: 0.1 + 0.2 is 0.30000000000000004, and the error grows with every item. ${alternative}`,
        });
      }
    }

    return {
      CallExpression(call) {
        const name = calleeName(call);
        if (name === 'toFixed') checkToFixed(call);
        else if (name === 'parseFloat') checkParseFloat(call);
      },
      BinaryExpression(node) {
        const op = node.operatorToken.kind;
        if (arithmetic.has(op) || accumulate.has(op) || scale.has(op)) checkArithmetic(node);
      },
    };
  },
};
