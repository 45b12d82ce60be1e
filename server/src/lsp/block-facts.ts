/**
 * What the code in a range does, as far as a reviewer's questions go: the routes it registers or handles, whether
 * it moves money, whether it queries inside a loop, which tests it declares. Read from the core's facts and one
 * walk of the nodes in the range, on request (the review checklist), never on the keystroke path.
 */
import * as ts from 'typescript';
import { databaseCallOf } from '../core/facts/database-calls';
import type { Facts } from '../core/facts/facts';
import { nameWords } from '../core/facts/password-names';
import { calleeName } from '../core/facts/syntax';
import { preorder } from '../core/traverse';
import { testCallOf } from '../core/rules/confidence/test-calls';

export interface BlockFacts {
  /** "POST /login" for each route registered or handled in the range. */
  routes: string[];
  /** A route, or a function taking a request (`req`, `request`, `ctx`, a NestJS `@Body()`…). */
  handlesRequest: boolean;
  /** Names that say money (`amount`, `price`, `balance`…), or calls into a payment library. */
  money: string[];
  /** Queries or fetches awaited once per iteration of a loop (`for`, `while`, `.map`/`.forEach` callbacks). */
  queriesInLoop: string[];
  /** The titles of the tests (`it`, `test`) the range declares, in a test file. */
  tests: string[];
}

const moneyWords = new Set([
  'amount', 'price', 'balance', 'payment', 'payments', 'pay', 'charge', 'charges', 'refund', 'payout', 'transfer',
  'invoice', 'currency', 'cents', 'wallet', 'subtotal', 'checkout', 'billing', 'debit', 'credit', 'fee', 'fees',
]);
const paymentLibraries = /^(stripe|paypal|@paypal\/|braintree|square|@adyen\/|razorpay|mollie)/;
/** Query-builder and ORM reads and writes: each is a round trip to the database. */
const queryMethods = new Set([
  'query', 'execute', 'find', 'findOne', 'findUnique', 'findFirst', 'findMany', 'findAll', 'findById', 'findByPk',
  'findOneBy', 'findBy', 'count', 'save', 'create', 'insert', 'update', 'updateOne', 'upsert', 'delete', 'destroy',
  'deleteOne', 'fetch', 'get', 'post',
]);
const iterationMethods = new Set(['map', 'forEach', 'flatMap', 'reduce', 'filter', 'some', 'every']);

function isLoop(node: ts.Node): boolean {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

/** Whether `node` runs once per iteration: inside a loop's body or a callback of `.map`/`.forEach`…, in its function. */
function inLoop(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (isLoop(n.parent) && n !== (n.parent as { expression?: ts.Node }).expression && !(ts.isForStatement(n.parent) && n === n.parent.initializer)) return true;
    if (ts.isFunctionLike(n)) {
      const call = n.parent;
      return ts.isCallExpression(call) && call.arguments.includes(n as ts.Expression) && iterationMethods.has(calleeName(call) ?? '');
    }
  }
  return false;
}

function isQuery(call: ts.CallExpression, facts: Facts): boolean {
  if (databaseCallOf(call, facts)) return true;
  const name = calleeName(call);
  if (name === undefined || !queryMethods.has(name)) return false;
  // A plain `get`/`post`/`find` is too common to count unless it is awaited (a round trip).
  return ts.isAwaitExpression(call.parent) || name === 'fetch';
}

export function blockFacts(facts: Facts, start: number, end: number): BlockFacts {
  const { sourceFile } = facts;
  const inside = (node: ts.Node) => node.end > start && node.getStart(sourceFile) < end;
  const routes = facts.routes
    .filter((r) => inside(r.call ?? r.handler ?? r.at))
    .map((r) => `${r.method} ${r.path ?? '(dynamic path)'}`);
  let handlesRequest = routes.length > 0;
  const money = new Set<string>();
  const queriesInLoop: string[] = [];
  const tests: string[] = [];
  preorder(sourceFile, (node) => {
    if (node !== sourceFile && !inside(node)) return false;
    if (ts.isIdentifier(node)) {
      if (money.size < 3 && nameWords(node.text).some((w) => moneyWords.has(w))) money.add(node.text);
    } else if (ts.isCallExpression(node)) {
      const library = facts.libraryOf(node.expression)?.library;
      if (library && paymentLibraries.test(library)) money.add(library);
      if (inLoop(node) && isQuery(node, facts)) queriesInLoop.push(node.expression.getText(sourceFile));
      const test = facts.isTestFile ? testCallOf(node, facts) : undefined;
      if (test?.kind === 'test') tests.push(test.title ?? '(untitled)');
    } else if (ts.isParameter(node) && !handlesRequest) {
      handlesRequest = facts.isRequestParameter(node);
    }
    return true;
  });
  return { routes, handlesRequest, money: [...money], queriesInLoop, tests };
}
