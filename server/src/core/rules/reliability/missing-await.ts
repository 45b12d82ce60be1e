import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { PromiseResult, PromiseResults, isModel } from '../../facts/promise-results';
import { promiseCallOf } from '../../facts/promise-calls';
import { canAwait, enclosingFunction, isFunctionLike, memberName } from '../../facts/syntax';
import { preorder } from '../../traverse';

/** How a promise is used as if it were its value. */
type UseKind = 'condition' | 'negated' | 'compared' | 'interpolated' | 'spread' | 'member' | 'sent' | 'stored';

interface ValueUse {
  kind: UseKind;
  /** The expression that uses the promise: the condition, `!user`, `user.id`, the template span. */
  at: ts.Node;
}

/** What a use of the promise tells: it is used as its value, the code treats it as a promise, or nothing. */
type Verdict = ValueUse | 'promise' | undefined;

const promiseMethods = new Set(['then', 'catch', 'finally']);
const comparisons = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken,
]);
const shortCircuits = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
/** The response objects of Express, Fastify and Koa handlers, by the names handlers give them. */
const responseNames = /^(res|response|reply)$/;
const responseMethods = new Set(['json', 'send', 'jsonp', 'end', 'write', 'render']);
/** Methods that write their object argument to the database, on a model or a repository. */
const writeMethods = new Set(['create', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'save', 'bulkCreate', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne']);

/** Steps out of parentheses and type-only wrappers, which pass the value through unchanged. */
function outer(expr: ts.Node): ts.Node {
  let node = expr;
  while (
    ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent) ||
    ts.isSatisfiesExpression(node.parent) || ts.isTypeAssertionExpression(node.parent)
  ) {
    node = node.parent;
  }
  return node;
}

/** The identifier a member chain starts from: `res.status(400).json` → `res`. */
function chainRoot(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function isResponseCall(call: ts.CallExpression | ts.NewExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.name.text === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON') return true;
  const root = chainRoot(callee.expression);
  return responseMethods.has(callee.name.text) && ts.isIdentifier(root) && responseNames.test(root.text);
}

/** A call or `new` that writes its object argument to the database: `User.create({…})`, `prisma.user.update({ data })`, `new User({…})`. */
function isWriteCall(call: ts.CallExpression | ts.NewExpression, facts: Facts): boolean {
  if (ts.isNewExpression(call)) {
    return ts.isIdentifier(call.expression) && /^[A-Z]/.test(call.expression.text) && isModel(call.expression, facts);
  }
  const method = memberName(call.expression);
  if (method === undefined || !writeMethods.has(method)) return false;
  return promiseCallOf(call, facts)?.writes === true || /^[A-Z]/.test(chainRoot(call.expression).getText());
}

/** Where an object literal holding the promise ends up: a response, a database write, or somewhere unknown. */
function objectDestination(literal: ts.Node, facts: Facts): 'sent' | 'stored' | undefined {
  let node = outer(literal);
  while (ts.isPropertyAssignment(node.parent) || ts.isObjectLiteralExpression(node.parent) || ts.isArrayLiteralExpression(node.parent)) node = outer(node.parent);
  const call = node.parent;
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(node as ts.Expression)) return undefined;
  if (isResponseCall(call)) return 'sent';
  return isWriteCall(call, facts) ? 'stored' : undefined;
}

/** What the code does with `expr`, a promise (the call itself, or a name holding it). */
function verdictOf(expr: ts.Expression, result: PromiseResult, facts: Facts): Verdict {
  const node = outer(expr);
  const parent = node.parent;
  if (ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || ts.isArrowFunction(parent) || ts.isYieldExpression(parent)) return 'promise';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    if (promiseMethods.has(parent.name.text)) return 'promise';
    const called = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
    // A query builder's methods (`.where`, `.populate`, `.exec`) are called on it before it runs.
    if (called && result.lazy) return 'promise';
    return { kind: 'member', at: parent };
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === node) return { kind: 'member', at: parent };
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return { kind: 'condition', at: node };
  if ((ts.isForStatement(parent) && parent.condition === node) || (ts.isConditionalExpression(parent) && parent.condition === node)) return { kind: 'condition', at: node };
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return { kind: 'negated', at: parent };
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (comparisons.has(op)) return { kind: 'compared', at: parent };
    if (shortCircuits.has(op) && parent.left === node) return { kind: 'condition', at: node };
    if (op === ts.SyntaxKind.PlusToken && [parent.left, parent.right].some((side) => ts.isStringLiteralLike(side) || ts.isTemplateExpression(side))) {
      return { kind: 'interpolated', at: parent };
    }
    if (op === ts.SyntaxKind.EqualsToken && parent.right === node && ts.isPropertyAccessExpression(parent.left)) {
      if (parent.left.name.text === 'body' && ts.isIdentifier(parent.left.expression) && parent.left.expression.text === 'ctx') return { kind: 'sent', at: parent };
      // A promise kept on an object on purpose (a cache, a pending load) is common; a promised hash never is.
      if (result.value !== 'data') return { kind: 'stored', at: parent };
    }
    return undefined;
  }
  if (ts.isTemplateSpan(parent)) return { kind: 'interpolated', at: node };
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return { kind: 'spread', at: parent };
  if ((ts.isPropertyAssignment(parent) && parent.initializer === node) || ts.isShorthandPropertyAssignment(parent)) {
    const destination = objectDestination(parent.parent, facts);
    return destination ? { kind: destination, at: parent } : undefined;
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
    // Any other callee may want the promise itself (`Promise.all`, `expect(p).rejects`, a helper that awaits).
    return isResponseCall(parent) ? { kind: 'sent', at: node } : 'promise';
  }
  if (ts.isArrayLiteralExpression(parent) || ts.isVariableDeclaration(parent)) return 'promise';
  return undefined;
}

/** The scope a `const`/`let` lives in: its block, or the function for `var`. */
function declarationScope(decl: ts.VariableDeclaration): ts.Node {
  const list = decl.parent;
  const isVar = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
  for (let n: ts.Node = decl.parent; n.parent; n = n.parent) {
    if (isFunctionLike(n)) return n;
    if (!isVar && (ts.isBlock(n) || ts.isSourceFile(n) || ts.isCaseBlock(n))) return n;
  }
  return decl.getSourceFile();
}

function isAssignedTo(id: ts.Identifier): boolean {
  const node = outer(id);
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  return (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken);
}

/**
 * The first use of the variable as a value, when no use of it treats it as a promise (awaits it, chains it,
 * returns it, hands it on) and it is never reassigned.
 */
function firstValueUseOf(decl: ts.VariableDeclaration & { name: ts.Identifier }, result: PromiseResult, facts: Facts): ValueUse | undefined {
  const name = decl.name.text;
  let first: ValueUse | undefined;
  let promise = false;
  preorder(declarationScope(decl), (node) => {
    if (promise) return false;
    if (ts.isIdentifier(node) && node.text === name && node !== decl.name && facts.resolve(node) === decl) {
      if (isAssignedTo(node)) {
        promise = true;
        return false;
      }
      const verdict = verdictOf(node, result, facts);
      if (verdict === 'promise') promise = true;
      else if (verdict && !first) first = verdict;
      return false;
    }
    return true;
  });
  return promise ? undefined : first;
}

/** How the call reads in a message: `bcrypt.compare`, or the method alone for long receivers. */
function calleeText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.expression.getText(sourceFile).replace(/\s+/g, '');
  return text.length <= 40 ? text : (memberName(call.expression) ?? 'this call');
}

function consequence(use: ValueUse, result: PromiseResult, sourceFile: ts.SourceFile): string {
  switch (use.kind) {
    case 'condition':
      return result.value === 'check'
        ? 'a promise is always truthy, so this check passes for every password'
        : 'a promise is always truthy, so this condition always holds';
    case 'negated':
      return 'a promise is always truthy, so this negation is always false';
    case 'compared':
      return 'the comparison sees the promise, never its value';
    case 'interpolated':
      return 'it is written as "[object Promise]"';
    case 'spread':
      return 'spreading it copies nothing of its result';
    case 'member': {
      const access = use.at as ts.PropertyAccessExpression | ts.ElementAccessExpression;
      const member = ts.isPropertyAccessExpression(access) ? `\`.${access.name.text}\`` : `\`${access.getText(sourceFile).slice(access.expression.getText(sourceFile).length)}\``;
      return `${member} is read from the promise, not from its result, and is undefined`;
    }
    case 'sent':
      return 'the response gets the promise (an empty object), not its result';
    case 'stored':
      return result.value === 'hash' ? 'the promise, not the hash, is stored' : 'the promise, not its result, is stored';
  }
}

/** `async` can be added to a callback passed inline (a route handler, a `.map` callback); not to a named function whose callers would change. */
function inlineCallback(fn: ts.FunctionLikeDeclaration | undefined): (ts.ArrowFunction | ts.FunctionExpression) | undefined {
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.asteriskToken) return undefined;
  return ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn) ? fn : undefined;
}

function awaitEdits(call: ts.CallExpression, sourceFile: ts.SourceFile): OffsetFix['edits'] {
  const start = call.getStart(sourceFile);
  const node = outer(call);
  const parent = node.parent;
  // `await a.b().c` awaits `.c`: a promise read for a member needs its own parentheses.
  const wraps = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) && parent.expression === node && node === call;
  return wraps
    ? [{ start, end: start, text: '(await ' }, { start: call.getEnd(), end: call.getEnd(), text: ')' }]
    : [{ start, end: start, text: 'await ' }];
}

function fixesFor(call: ts.CallExpression, sourceFile: ts.SourceFile): OffsetFix[] {
  const edits = awaitEdits(call, sourceFile);
  if (canAwait(call)) return [{ title: 'Await the promise', safe: true, edits }];
  const callback = inlineCallback(enclosingFunction(call));
  if (!callback) return [];
  const at = callback.getStart(sourceFile);
  return [{ title: 'Make the callback async and await the promise', safe: false, edits: [{ start: at, end: at, text: 'async ' }, ...edits] }];
}

export const missingAwait: Rule = {
  meta: {
    id: 'missing-await',
    category: 'reliability',
    defaultSeverity: 'error',
    title: 'Promise used as if it were its value',
    description:
      'A promise tested, negated, compared, interpolated, spread, read for a property, stored or sent as if it were the value it will resolve to: `if (bcrypt.compare(pw, hash))` is always true, `user.id` of an un-awaited `User.findOne()` is undefined. Await the call.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-1025', 'CWE-697', 'typescript-eslint no-misused-promises'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (sourceFile.isDeclarationFile) return {};
    const results = new PromiseResults(facts);
    return {
      CallExpression(call) {
        const node = outer(call);
        const parent = node.parent;
        // Cheap syntactic exits first: most calls are statements, awaited, returned or arguments.
        if (ts.isExpressionStatement(parent) || ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return;
        const declared = ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name) ? (parent as ts.VariableDeclaration & { name: ts.Identifier }) : undefined;
        if (!declared && ((ts.isCallExpression(parent) && parent.expression !== node && !isResponseCall(parent)) || ts.isArrayLiteralExpression(parent))) return;
        const result = results.of(call);
        if (!result) return;
        let use: ValueUse | undefined;
        if (declared) {
          if (declared.type !== undefined) return; // a declared type says what the author expects it to hold
          use = firstValueUseOf(declared, result, facts);
        } else {
          const verdict = verdictOf(call, result, facts);
          use = verdict === 'promise' ? undefined : verdict;
        }
        if (!use) return;
        const callText = `\`${calleeText(call, sourceFile)}(…)\``;
        const subject = declared ? `\`${declared.name.text}\` holds the promise from ${callText}, never awaited` : `${callText} returns a promise`;
        context.report({
          at: use.at,
          message: `${subject}: ${consequence(use, result, sourceFile)}. Await the call.`,
          fixes: fixesFor(call, sourceFile),
          related: declared ? [{ at: call, message: 'The promise comes from this call.' }] : undefined,
        });
      },
    };
  },
};
